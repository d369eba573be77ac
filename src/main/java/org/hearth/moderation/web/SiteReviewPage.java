package org.hearth.moderation.web;

import java.util.Optional;
import org.hearth.moderation.SiteLog;
import org.hearth.moderation.web.ModerationForms.SuspensionForm;
import org.hearth.moderation.SiteStaffReach;
import org.hearth.moderation.SuspendAccount;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.When;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.AdministrationPage;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * For site administrators: the communities whose moderation is left to the site now, flagged
 * posts where no moderator visited lately and appeals no other moderator may decide, each
 * linking to that community's queue as site staff see it; suspending an account site-wide, and
 * the site's log of such suspensions.
 */
@Controller
class SiteReviewPage implements AdministrationPage {

    private final SiteStaffReach reach;
    private final SiteLog siteLog;
    private final SuspendAccount suspendAccount;

    SiteReviewPage(SiteStaffReach reach, SiteLog siteLog, SuspendAccount suspendAccount) {
        this.reach = reach;
        this.siteLog = siteLog;
        this.suspendAccount = suspendAccount;
    }

    /** Always in the menu: finding out whether anything waits costs more than a menu should. */
    @Override
    public Optional<MenuLink> menuLink() {
        return Optional.of(new MenuLink("/admin/review", "Site moderation"));
    }

    @GetMapping("/admin/review")
    String waiting(Viewer viewer, Model model) {
        return page(viewer, model, SuspensionForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/admin/suspensions")
    String suspend(@ModelAttribute SuspensionForm form, Viewer viewer, Model model, RedirectAttributes redirect) {
        boolean lift = "true".equals(form.lift());
        Integer days = null;
        if (!lift && form.days() != null && !form.days().isBlank()) {
            try {
                days = Integer.valueOf(form.days().strip());
            } catch (NumberFormatException e) {
                days = -1;
            }
        }
        var outcome = suspendAccount.run(new SuspendAccount.Input(viewer, form.handle(), days, form.reason(), lift));
        FormErrors errors = switch (outcome) {
            case SuspendAccount.Outcome.Suspended(var handle, var until) -> {
                redirect.addFlashAttribute(Page.NOTICE, handle + " is suspended until " + When.readable(until)
                        + ": their sessions have ended and they cannot sign in. They are told by e-mail if they have a verified address.");
                yield null;
            }
            case SuspendAccount.Outcome.Lifted(var handle) -> {
                redirect.addFlashAttribute(Page.NOTICE, "The suspension of " + handle + " is lifted: they can sign in again.");
                yield null;
            }
            case SuspendAccount.Outcome.NotFound n -> throw new NotFound();
            case SuspendAccount.Outcome.SecondFactorNeeded s -> null;
            case SuspendAccount.Outcome.NoSuchAccount n -> FormErrors.of("handle", "No account has that handle.");
            case SuspendAccount.Outcome.OwnAccount o -> FormErrors.of("handle", "That is your own account.");
            case SuspendAccount.Outcome.AnAdministrator a -> FormErrors.of("handle",
                    "That account is a site administrator's: administrators cannot suspend each other.");
            case SuspendAccount.Outcome.NotSuspended(var handle) -> FormErrors.of("handle", handle + " is not suspended.");
            case SuspendAccount.Outcome.DaysNeeded(var max) -> FormErrors.of("days", "Say for how many days, from 1 to " + max + ".");
            case SuspendAccount.Outcome.ReasonMissing r -> FormErrors.of("reason",
                    "Write the reason: the member is told it, and it goes in the site's log.");
            case SuspendAccount.Outcome.ReasonTooLong(var max) -> FormErrors.of("reason", "Keep the reason under " + max + " characters.");
        };
        if (outcome instanceof SuspendAccount.Outcome.SecondFactorNeeded) {
            return "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
        }
        if (errors == null) {
            return "redirect:/admin/review#suspend";
        }
        return page(viewer, model, form, errors);
    }

    private String page(Viewer viewer, Model model, SuspensionForm form, FormErrors errors) {
        model.addAttribute("waiting", reach.waiting(viewer));
        model.addAttribute("log", siteLog.latest(viewer));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/site-review";
    }
}
