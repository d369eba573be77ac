package org.hearth.community.web;

import java.util.List;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.Communities;
import org.hearth.community.Community;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A community's settings, for its owners. Opening the community up is a second step that names
 * what becomes readable and by whom, with the settings carried in hidden fields, so it works
 * without JavaScript; it is refused, with the reason, once others have written here.
 */
@Controller
class CommunitySettingsPage {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
    private static final String FORM = "org/hearth/community/web/settings";

    private final Communities communities;
    private final ChangeCommunitySettings changeSettings;

    CommunitySettingsPage(Communities communities, ChangeCommunitySettings changeSettings) {
        this.communities = communities;
        this.changeSettings = changeSettings;
    }

    @GetMapping("/c/{slug}/settings")
    String settings(@PathVariable String slug, Viewer viewer, Model model) {
        return withOwner(slug, viewer, model, null);
    }

    /**
     * @param unreadable a choice that is not one of ours: bound as null, which the use case asks for again
     * @param confirmed sent by the confirmation step only
     * @param back the confirmation step's "go back": the form again, with what the owner chose
     */
    @PostMapping("/c/{slug}/settings")
    String save(@PathVariable String slug, @ModelAttribute("form") SettingsForm form, BindingResult unreadable,
            @RequestParam(defaultValue = "false") boolean confirmed, @RequestParam(required = false) String back,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        if (back != null) {
            return withOwner(slug, viewer, model, form); // going back never saves anything
        }
        var input = new ChangeCommunitySettings.Input(slug, viewer, form.toSettings(), confirmed);
        return switch (changeSettings.run(input)) {
            case ChangeCommunitySettings.Outcome.Changed(var community) -> {
                redirect.addFlashAttribute(Page.NOTICE, "The settings are saved. " + community.audience().readers());
                yield "redirect:/c/" + community.slug();
            }
            case ChangeCommunitySettings.Outcome.Invalid(var community, var problems) ->
                    form(model, community, form, new FormErrors(problems), null);
            case ChangeCommunitySettings.Outcome.OpeningUpToConfirm(var community, var after, var whatOpensUp) ->
                    confirm(model, community, form, after, whatOpensUp);
            case ChangeCommunitySettings.Outcome.OpeningUpRefused(var community, var after) ->
                    form(model, community, form, FormErrors.NONE, after);
            case ChangeCommunitySettings.Outcome.NotAnOwner(var community) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Only owners change a community's settings. Nothing was changed.");
                yield "redirect:/c/" + community.slug();
            }
            case ChangeCommunitySettings.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case ChangeCommunitySettings.Outcome.NotFound n -> throw new NotFound();
        };
    }

    /** The form with these values (null: the community's own), for an owner who may act (a second factor first). */
    private String withOwner(String slug, Viewer viewer, Model model, SettingsForm form) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::owns).orElseThrow(NotFound::new);
        if (!access.canModerate()) {
            return SECOND_FACTOR_FIRST;
        }
        return form(model, access.community(), form == null ? SettingsForm.of(access.community()) : form, FormErrors.NONE, null);
    }

    /** @param refused the wider audience that was refused, or null */
    private static String form(Model model, Community community, SettingsForm form, FormErrors errors, Audience refused) {
        model.addAttribute("community", community);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refused", refused);
        model.addAttribute(Page.NOINDEX, true);
        return FORM;
    }

    private static String confirm(Model model, Community community, SettingsForm form, Audience after, List<String> whatOpensUp) {
        model.addAttribute("community", community);
        model.addAttribute("form", form);
        model.addAttribute("after", after);
        model.addAttribute("whatOpensUp", whatOpensUp);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/settings-confirm";
    }
}
