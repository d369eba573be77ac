package org.hearth.clinician.web;

import java.io.IOException;
import org.hearth.clinician.ApplyAsClinician;
import org.hearth.clinician.CredentialReview;
import org.hearth.clinician.Profession;
import org.hearth.clinician.WithdrawApplication;
import org.hearth.clinician.WriteStatement;
import org.hearth.platform.web.NotFound;
import org.hearth.clinician.web.ClinicianForms.ApplicationForm;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A member's own page as a clinician: their applications and what became of them, and the form to apply. */
@Controller
class ClinicianPages {

    private static final String MINE = "org/hearth/clinician/web/mine";

    private final ApplyAsClinician apply;
    private final WithdrawApplication withdraw;
    private final CredentialReview review;
    private final WriteStatement writeStatement;
    private final org.hearth.clinician.AdvisoryBoards boards;

    ClinicianPages(ApplyAsClinician apply, WithdrawApplication withdraw, CredentialReview review, WriteStatement writeStatement,
            org.hearth.clinician.AdvisoryBoards boards) {
        this.apply = apply;
        this.withdraw = withdraw;
        this.review = review;
        this.writeStatement = writeStatement;
        this.boards = boards;
    }

    /** What a badge links to: what was verified, by which role, when and until when, and the clinician's interests. */
    @GetMapping("/clinicians/{memberId}")
    String badge(@PathVariable String memberId, Model model) {
        model.addAttribute("badge", review.badge(memberId).orElseThrow(NotFound::new));
        return "org/hearth/clinician/web/clinician";
    }

    @PostMapping("/me/clinician/statement")
    String statement(@RequestParam(defaultValue = "") String statement, Viewer viewer, Model model, RedirectAttributes redirect) {
        String notice = switch (writeStatement.run(new WriteStatement.Input(viewer, statement))) {
            case WriteStatement.Outcome.Saved s -> "Your statement is saved. It is shown on your badge's page while you are verified.";
            case WriteStatement.Outcome.Cleared c -> "Your statement is removed.";
            case WriteStatement.Outcome.TooLong t -> null;
        };
        if (notice != null) {
            redirect.addFlashAttribute(Page.NOTICE, notice);
            return "redirect:/me/clinician#interests";
        }
        model.addAttribute("statementText", statement);
        return page(viewer, model, ApplicationForm.empty(), FormErrors.of("statement",
                "Keep your statement under " + WriteStatement.STATEMENT_MAX + " characters; yours has " + statement.strip().length() + "."));
    }

    @GetMapping("/me/clinician")
    String mine(Viewer viewer, Model model) {
        return page(viewer, model, ApplicationForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/me/clinician")
    String apply(@ModelAttribute ApplicationForm form, @RequestParam(name = "document", required = false) MultipartFile document,
            Viewer viewer, Model model, RedirectAttributes redirect) throws IOException {
        byte[] content = document == null || document.isEmpty() ? null : document.getBytes();
        var outcome = apply.run(new ApplyAsClinician.Input(viewer, form.profession(), form.specialty(), form.jurisdiction(),
                form.registerNumber(), content));
        FormErrors errors = switch (outcome) {
            case ApplyAsClinician.Outcome.Applied a -> null;
            case ApplyAsClinician.Outcome.AlreadyWaiting w -> FormErrors.of("profession",
                    "You have an application waiting already. Withdraw it first if you want to change it.");
            case ApplyAsClinician.Outcome.Invalid(var field, var problem, var max) -> FormErrors.of(field, switch (field) {
                case "profession" -> "Choose your profession.";
                case "specialty" -> problem == ApplyAsClinician.Problem.MISSING ? "Write your specialty, or \"general practice\"."
                        : "Keep the specialty under " + max + " characters.";
                case "jurisdiction" -> problem == ApplyAsClinician.Problem.MISSING
                        ? "Write where you are licensed, such as \"United Kingdom\" or \"Ontario, Canada\"."
                        : "Keep the place under " + max + " characters.";
                default -> problem == ApplyAsClinician.Problem.MISSING ? "Write your licence or register number."
                        : "A licence or register number has at most " + max + " characters.";
            });
            case ApplyAsClinician.Outcome.DocumentNotTaken d -> FormErrors.of("document",
                    "That file is not a PDF, PNG or JPEG image (Hearth looks at the content, not the name). Choose it again in one of those kinds.");
            case ApplyAsClinician.Outcome.DocumentTooLarge(var max) -> FormErrors.of("document",
                    "That file is larger than " + (max / (1024 * 1024)) + " MB. A scan or a photo at a lower resolution is enough.");
        };
        if (errors == null) {
            redirect.addFlashAttribute(Page.NOTICE, "Your application is sent. A reviewer will decide it; you will read the decision here.");
            return "redirect:/me/clinician";
        }
        if (content != null && !(outcome instanceof ApplyAsClinician.Outcome.DocumentNotTaken)
                && !(outcome instanceof ApplyAsClinician.Outcome.DocumentTooLarge)) {
            model.addAttribute("documentAgain", true); // a browser never sends a file back: say it is to be chosen again
        }
        return page(viewer, model, form, errors);
    }

    @PostMapping("/me/clinician/{applicationId}/withdraw")
    String withdraw(@PathVariable String applicationId, Viewer viewer, RedirectAttributes redirect) {
        String notice = switch (withdraw.run(new WithdrawApplication.Input(viewer, applicationId))) {
            case WithdrawApplication.Outcome.Withdrawn w -> "Your application is withdrawn. You can apply again at any time.";
            case WithdrawApplication.Outcome.NotFound n -> "There is no such application of yours.";
            case WithdrawApplication.Outcome.AlreadyDecided d -> "A reviewer decided your application meanwhile: the decision is below.";
        };
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/me/clinician";
    }

    private String page(Viewer viewer, Model model, ApplicationForm form, FormErrors errors) {
        var applications = review.mine(viewer);
        model.addAttribute("applications", applications);
        model.addAttribute("waiting", applications.stream().anyMatch(CredentialReview.Application::waiting));
        model.addAttribute("verified", review.verified(viewer.memberId()).orElse(null));
        model.addAttribute("reviews", review.reviews(viewer));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("professions", Profession.values());
        model.addAttribute("documentMaxMegabytes", apply.documentMaxBytes() / (1024 * 1024));
        if (!model.containsAttribute("statementText")) {
            model.addAttribute("statementText", review.statement(viewer).orElse(""));
        }
        model.addAttribute("statementMax", WriteStatement.STATEMENT_MAX);
        model.addAttribute("invitations", boards.invitations(viewer));
        model.addAttribute(Page.NOINDEX, true);
        if (!model.containsAttribute("documentAgain")) {
            model.addAttribute("documentAgain", false);
        }
        return MINE;
    }
}
