package org.hearth.clinician.web;

import org.hearth.clinician.ManageExpertPatients;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The moderators' page of a community's expert patients, and the owners' choice whether they write evidence notes. */
@Controller
class ExpertPatientPages {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final ManageExpertPatients manage;

    ExpertPatientPages(ManageExpertPatients manage) {
        this.manage = manage;
    }

    @GetMapping("/c/{slug}/expert-patients")
    String page(@PathVariable String slug, Viewer viewer, Model model) {
        return page(slug, viewer, model, "", FormErrors.NONE);
    }

    private String page(String slug, Viewer viewer, Model model, String handle, FormErrors errors) {
        model.addAttribute("here", manage.here(slug, viewer).orElseThrow(NotFound::new));
        model.addAttribute("handle", handle);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/clinician/web/expert-patients";
    }

    @PostMapping("/c/{slug}/expert-patients")
    String change(@PathVariable String slug, @RequestParam(defaultValue = "") String step, @RequestParam(defaultValue = "") String handle,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        if (viewer == null) {
            throw new NotFound();
        }
        ManageExpertPatients.Step chosen;
        try {
            chosen = ManageExpertPatients.Step.valueOf(step);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
        var outcome = manage.run(new ManageExpertPatients.Input(slug, viewer, chosen, handle));
        if (outcome instanceof ManageExpertPatients.Outcome.NotAMember m) {
            return page(slug, viewer, model, handle, FormErrors.of("handle", m.handle().isEmpty()
                    ? "Write the handle of the member to mark." : "No member of this community uses the handle “" + m.handle() + "”."));
        }
        String notice = switch (outcome) {
            case ManageExpertPatients.Outcome.Done d -> switch (d.step()) {
                case MARK -> d.handle() + " is marked as an expert patient here.";
                case UNMARK -> d.handle() + " is no longer marked as an expert patient here. Their notes are no longer shown.";
                case ALLOW_NOTES -> "Expert patients marked here may now write evidence notes.";
                case STOP_NOTES -> "Expert patients no longer write evidence notes here; the notes they wrote stay, and are shown again if you allow them again.";
            };
            case ManageExpertPatients.Outcome.NotFound n -> throw new NotFound();
            case ManageExpertPatients.Outcome.SecondFactorNeeded f -> null;
            case ManageExpertPatients.Outcome.NotAnOwner o -> "Only the community's owners choose whether expert patients write evidence notes.";
            case ManageExpertPatients.Outcome.NotAMember m -> throw new IllegalStateException("answered above");
            case ManageExpertPatients.Outcome.AlreadyMarked m -> m.handle() + " is already marked as an expert patient here.";
            case ManageExpertPatients.Outcome.NotMarked m -> m.handle() + " is not marked as an expert patient here.";
        };
        if (notice == null) {
            return SECOND_FACTOR_FIRST;
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/expert-patients";
    }
}
