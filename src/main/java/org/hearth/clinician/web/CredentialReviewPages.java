package org.hearth.clinician.web;

import java.util.Optional;
import org.hearth.clinician.AppointReviewer;
import org.hearth.clinician.CredentialReview;
import org.hearth.clinician.DecideApplication;
import org.hearth.clinician.Reviewers;
import org.hearth.clinician.RevokeVerification;
import org.hearth.clinician.web.ClinicianForms.DecisionForm;
import org.hearth.identity.Members;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.AdministrationPage;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.http.CacheControl;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The site's review of clinicians' credentials: the queue, one application with what its number's
 * form says and its document, the decision, revoking, and (for administrators) appointing site
 * reviewers. Everyone but a reviewer gets 404, as for a page that does not exist; a reviewer
 * without a second factor is sent to set one up.
 */
@Controller
class CredentialReviewPages implements AdministrationPage {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final Reviewers reviewers;
    private final CredentialReview review;
    private final DecideApplication decide;
    private final RevokeVerification revoke;
    private final AppointReviewer appoint;
    private final Members members;

    CredentialReviewPages(Reviewers reviewers, CredentialReview review, DecideApplication decide, RevokeVerification revoke,
            AppointReviewer appoint, Members members) {
        this.reviewers = reviewers;
        this.review = review;
        this.decide = decide;
        this.revoke = revoke;
        this.appoint = appoint;
        this.members = members;
    }

    @Override
    public Optional<MenuLink> menuLink() {
        return Optional.of(new MenuLink("/review/clinicians", "Clinicians' credentials"));
    }

    @GetMapping("/review/clinicians")
    String queue(Viewer viewer, Model model) {
        String refused = refusal(viewer);
        if (refused != null) {
            return refused;
        }
        model.addAttribute("queue", review.queue(viewer).orElseThrow(NotFound::new));
        model.addAttribute("reviewerHandles", viewer.siteAdmin() ? reviewerHandles() : java.util.List.of());
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/queue";
    }

    @GetMapping("/review/clinicians/{applicationId}")
    String application(@PathVariable String applicationId, Viewer viewer, Model model) {
        String refused = refusal(viewer);
        if (refused != null) {
            return refused;
        }
        return applicationPage(model, viewer, applicationId, DecisionForm.empty(), "", FormErrors.NONE);
    }

    private String applicationPage(Model model, Viewer viewer, String applicationId, DecisionForm form, String revokeReason,
            FormErrors errors) {
        model.addAttribute("opened", review.open(viewer, applicationId).orElseThrow(NotFound::new));
        model.addAttribute("form", form);
        model.addAttribute("revokeReason", revokeReason);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/application";
    }

    /** The document, to reviewers only: never cached, never shown inside Hearth's pages, never run. */
    @GetMapping("/review/clinicians/{applicationId}/document")
    ResponseEntity<byte[]> document(@PathVariable String applicationId, Viewer viewer) {
        if (reviewers.roleOf(viewer).isEmpty()) {
            throw new NotFound();
        }
        if (!viewer.secondFactor()) {
            return ResponseEntity.status(303).header(HttpHeaders.LOCATION, SecondFactorRules.ENROLMENT_PAGE + "?required").build();
        }
        CredentialReview.Document document = review.document(viewer, applicationId).orElseThrow(NotFound::new);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(document.type().mediaType()))
                .cacheControl(CacheControl.noStore())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename("credential-" + applicationId + "." + document.type().extension()).build()
                                .toString())
                .header("Content-Security-Policy", "sandbox; default-src 'none'")
                .header("X-Content-Type-Options", "nosniff")
                .body(document.content());
    }

    @PostMapping("/review/clinicians/{applicationId}/decide")
    String decide(@PathVariable String applicationId, @ModelAttribute DecisionForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Boolean approve = "true".equals(form.approve()) ? Boolean.TRUE : "false".equals(form.approve()) ? Boolean.FALSE : null;
        FormErrors errors = switch (decide.run(new DecideApplication.Input(viewer, applicationId, approve, form.reason()))) {
            case DecideApplication.Outcome.Approved(var until) -> done(redirect,
                    "Approved until " + org.hearth.platform.web.When.readable(until) + ". The applicant is told, with your reason.");
            case DecideApplication.Outcome.Rejected r -> done(redirect, "Not approved. The applicant is told, with your reason.");
            case DecideApplication.Outcome.NotFound n -> throw new NotFound();
            case DecideApplication.Outcome.SecondFactorNeeded s -> FormErrors.NONE;
            case DecideApplication.Outcome.ChoiceMissing c -> FormErrors.of("approve", "Choose whether to approve.");
            case DecideApplication.Outcome.ReasonMissing r -> FormErrors.of("reason",
                    "Write the reason: the applicant reads it, so say what you checked.");
            case DecideApplication.Outcome.ReasonTooLong(var max) -> FormErrors.of("reason", "Keep the reason under " + max + " characters.");
            case DecideApplication.Outcome.OwnApplication o -> FormErrors.of("approve", "This is your own application: another reviewer decides it.");
            case DecideApplication.Outcome.NotWaiting n -> done(redirect,
                    "Nothing was done: the application was decided by another reviewer, or withdrawn, meanwhile.");
        };
        if (errors == null) {
            return "redirect:/review/clinicians";
        }
        if (!errors.any()) {
            return SECOND_FACTOR_FIRST;
        }
        return applicationPage(model, viewer, applicationId, form, "", errors);
    }

    @PostMapping("/review/clinicians/{applicationId}/revoke")
    String revoke(@PathVariable String applicationId, @RequestParam(defaultValue = "") String reason, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        FormErrors errors = switch (revoke.run(new RevokeVerification.Input(viewer, applicationId, reason))) {
            case RevokeVerification.Outcome.Revoked r -> done(redirect,
                    "Revoked: the badge is gone from every page. The clinician is told, with your reason.");
            case RevokeVerification.Outcome.NotFound n -> throw new NotFound();
            case RevokeVerification.Outcome.SecondFactorNeeded s -> FormErrors.NONE;
            case RevokeVerification.Outcome.ReasonMissing r -> FormErrors.of("revokeReason", "Write why: the clinician reads it.");
            case RevokeVerification.Outcome.ReasonTooLong(var max) -> FormErrors.of("revokeReason",
                    "Keep the reason under " + max + " characters.");
            case RevokeVerification.Outcome.OwnApplication o -> FormErrors.of("revokeReason",
                    "This is your own verification: another reviewer decides about it.");
            case RevokeVerification.Outcome.NotInForce n -> done(redirect,
                    "Nothing was done: this verification is not in force (it ended, or was revoked meanwhile).");
        };
        if (errors == null) {
            return "redirect:/review/clinicians";
        }
        if (!errors.any()) {
            return SECOND_FACTOR_FIRST;
        }
        return applicationPage(model, viewer, applicationId, DecisionForm.empty(), reason, errors);
    }

    @PostMapping("/review/reviewers")
    String appoint(@RequestParam(defaultValue = "") String handle, @RequestParam(defaultValue = "") String end, Viewer viewer,
            RedirectAttributes redirect) {
        String notice = switch (appoint.run(new AppointReviewer.Input(viewer, handle, !"true".equals(end)))) {
            case AppointReviewer.Outcome.Appointed(var who) -> who + " reviews clinicians' credentials from now on.";
            case AppointReviewer.Outcome.Ended(var who) -> who + " no longer reviews clinicians' credentials.";
            case AppointReviewer.Outcome.NotFound n -> throw new NotFound();
            case AppointReviewer.Outcome.SecondFactorNeeded s -> null;
            case AppointReviewer.Outcome.HandleMissing h -> "Write the handle of the member to appoint.";
            case AppointReviewer.Outcome.NoSuchMember(var who) -> "No member uses the handle " + who + ".";
            case AppointReviewer.Outcome.AlreadyAReviewer(var who) -> who + " reviews already.";
            case AppointReviewer.Outcome.NotAReviewer(var who) -> who + " is not a reviewer.";
            case AppointReviewer.Outcome.AnAdministrator(var who) -> who + " is a site administrator and reviews already.";
        };
        if (notice == null) {
            return SECOND_FACTOR_FIRST;
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/review/clinicians#reviewers";
    }

    /** 404 for anyone who does not review, the second-factor page for a reviewer without one; null for a reviewer ready to work. */
    private String refusal(Viewer viewer) {
        if (reviewers.roleOf(viewer).isEmpty()) {
            throw new NotFound();
        }
        return viewer.secondFactor() ? null : SECOND_FACTOR_FIRST;
    }

    private java.util.List<String> reviewerHandles() {
        return members.handles(reviewers.appointed()).values().stream().sorted().toList();
    }

    private static FormErrors done(RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return null;
    }
}
