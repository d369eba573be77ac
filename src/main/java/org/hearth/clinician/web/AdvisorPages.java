package org.hearth.clinician.web;

import org.hearth.clinician.AdvisoryBoards;
import org.hearth.clinician.ManageAdvisors;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A community's clinical advisory board as its owners manage it (everyone else gets 404), and the
 * invited clinician's answers, given from their own clinician page.
 */
@Controller
class AdvisorPages {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final Communities communities;
    private final AdvisoryBoards boards;
    private final ManageAdvisors manage;

    AdvisorPages(Communities communities, AdvisoryBoards boards, ManageAdvisors manage) {
        this.communities = communities;
        this.boards = boards;
        this.manage = manage;
    }

    @GetMapping("/c/{slug}/advisors")
    String board(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::owns).orElseThrow(NotFound::new);
        var seats = boards.seats(access);
        if (seats.isEmpty()) {
            return SECOND_FACTOR_FIRST;
        }
        model.addAttribute("access", access);
        model.addAttribute("seats", seats.get());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/advisors";
    }

    @PostMapping("/c/{slug}/advisors")
    String invite(@PathVariable String slug, @RequestParam(defaultValue = "") String handle, Viewer viewer, RedirectAttributes redirect) {
        return answer(slug, viewer, ManageAdvisors.Step.INVITE, handle, redirect, "/c/" + slug + "/advisors");
    }

    @PostMapping("/c/{slug}/advisors/{memberId}/end")
    String end(@PathVariable String slug, @PathVariable String memberId, Viewer viewer, RedirectAttributes redirect) {
        return answer(slug, viewer, ManageAdvisors.Step.END, memberId, redirect, "/c/" + slug + "/advisors");
    }

    /** The invited clinician accepts or declines, or an advisor steps down; back to their clinician page. */
    @PostMapping("/c/{slug}/advisors/mine")
    String mine(@PathVariable String slug, @RequestParam(defaultValue = "") String step, Viewer viewer, RedirectAttributes redirect) {
        ManageAdvisors.Step chosen = switch (step) {
            case "accept" -> ManageAdvisors.Step.ACCEPT;
            case "decline" -> ManageAdvisors.Step.DECLINE;
            default -> ManageAdvisors.Step.END;
        };
        return answer(slug, viewer, chosen, null, redirect, "/me/clinician");
    }

    private String answer(String slug, Viewer viewer, ManageAdvisors.Step step, String who, RedirectAttributes redirect, String back) {
        String notice = switch (manage.run(new ManageAdvisors.Input(slug, viewer, step, who))) {
            case ManageAdvisors.Outcome.Done(var access, var done) -> switch (done) {
                case INVITE -> "Invited. They find the invitation on their clinician page and answer there.";
                case ACCEPT -> "You are on the clinical advisory board of " + access.community().name() + ".";
                case DECLINE -> "You declined. The community's owners are not told why.";
                case END -> "Done: that seat on the board has ended.";
            };
            case ManageAdvisors.Outcome.NotFound n -> throw new NotFound();
            case ManageAdvisors.Outcome.SecondFactorNeeded s -> null;
            case ManageAdvisors.Outcome.HandleMissing h -> "Write the handle of the clinician to invite.";
            case ManageAdvisors.Outcome.NoVerifiedClinician(var access, var handle) -> "No verified clinician uses the handle " + handle + ".";
            case ManageAdvisors.Outcome.AlreadyInvited a -> "They are invited already, or on the board.";
            case ManageAdvisors.Outcome.NothingWaiting n -> "There is nothing to answer or end there now.";
            case ManageAdvisors.Outcome.NotVerified n -> "Only a verified clinician sits on an advisory board, and your verification is not in force.";
        };
        if (notice == null) {
            return SECOND_FACTOR_FIRST;
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:" + back;
    }
}
