package org.hearth.community.web;

import java.util.Map;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.Community;
import org.hearth.community.EditRules;
import org.hearth.community.JoinCommunity;
import org.hearth.community.Rules;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A community's charter and rules: read by whoever may see the community (for a members-only
 * community that includes people deciding whether to join; a hidden community's answer 404 to
 * everyone but its members and invitees), kept as versions anyone who reads them can compare,
 * edited by its moderators in one form, and agreed to on the page where a person joins.
 */
@Controller
class RulesPages {

    private static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final Communities communities;
    private final Rules rules;
    private final EditRules editRules;
    private final JoinCommunity joinCommunity;

    RulesPages(Communities communities, Rules rules, EditRules editRules, JoinCommunity joinCommunity) {
        this.communities = communities;
        this.rules = rules;
        this.editRules = editRules;
        this.joinCommunity = joinCommunity;
    }

    @GetMapping("/c/{slug}/rules")
    String rules(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute("rules", rules.current(access));
        model.addAttribute(Page.NOINDEX, !access.community().openToSearchEngines());
        return "org/hearth/community/web/rules";
    }

    @GetMapping("/c/{slug}/rules/versions")
    String versions(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute("versions", rules.history(access));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/rules-versions";
    }

    @GetMapping("/c/{slug}/rules/versions/{number}")
    String version(@PathVariable String slug, @PathVariable String number, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        if (!number.matches("[0-9]{1,6}")) {
            throw new NotFound();
        }
        model.addAttribute("access", access);
        model.addAttribute("reading", rules.reading(access, Integer.parseInt(number)).orElseThrow(NotFound::new));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/rules-version";
    }

    @GetMapping("/c/{slug}/rules/edit")
    String edit(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
        if (!access.canModerate()) {
            return SECOND_FACTOR_FIRST;
        }
        return form(model, access.community(), RulesForm.of(rules.current(access)), FormErrors.NONE, null);
    }

    /** @param add the form's "add another rule" button: the form again with one more blank rule, nothing saved */
    @PostMapping("/c/{slug}/rules/edit")
    String save(@PathVariable String slug, @RequestParam MultiValueMap<String, String> fields,
            @RequestParam(required = false) String add, Viewer viewer, Model model, RedirectAttributes redirect) {
        RulesForm typed = RulesForm.read(fields);
        if (add != null) {
            Access access = communities.visibleTo(slug, viewer).filter(Access::moderates).orElseThrow(NotFound::new);
            return access.canModerate() ? form(model, access.community(), typed.withBlankRow(), FormErrors.NONE, null)
                    : SECOND_FACTOR_FIRST;
        }
        RulesForm arranged = typed.arranged();
        var input = new EditRules.Input(slug, viewer, arranged.basedOn(), arranged.charter(), arranged.drafts(), arranged.summary());
        return switch (editRules.run(input)) {
            case EditRules.Outcome.Saved(var community, var version) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Version " + version + " of the rules is saved. Everyone who reads"
                        + " the rules sees it now; earlier versions stay readable.");
                yield "redirect:/c/" + community.slug() + "/rules";
            }
            case EditRules.Outcome.Unchanged(var community, var version) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing differed from version " + version + ", so no new version was saved.");
                yield "redirect:/c/" + community.slug() + "/rules";
            }
            case EditRules.Outcome.Invalid(var community, var problems) ->
                    form(model, community, arranged.withBlankRow(), new FormErrors(problems), null);
            case EditRules.Outcome.NewerVersionSaved(var community, var basedOn, var newest) ->
                    // their text is kept; saving it again, now that they know, makes it the next version
                    form(model, community, arranged.basedOn(newest).withBlankRow(), FormErrors.NONE,
                            new RulesForm.Overtaken(basedOn, newest));
            case EditRules.Outcome.SecondFactorNeeded f -> SECOND_FACTOR_FIRST;
            case EditRules.Outcome.NotFound n -> throw new NotFound();
        };
    }

    private static String form(Model model, Community community, RulesForm form, FormErrors errors, RulesForm.Overtaken overtaken) {
        model.addAttribute("community", community);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("overtaken", overtaken);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/rules-edit";
    }

    // ---- joining: the rules first --------------------------------------------------------

    /** Where every way of joining starts: the charter and rules, and a box to agree to them. */
    @GetMapping("/c/{slug}/join")
    String confirmJoining(@PathVariable String slug, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        if (access.member()) {
            redirect.addFlashAttribute(Page.NOTICE, "You are already a member here.");
            return "redirect:/c/" + slug;
        }
        return joining(model, access, null);
    }

    /**
     * @param agreed the box "I agree to the rules"
     * @param rulesVersion the version shown on the page where they agreed
     */
    @PostMapping("/c/{slug}/join")
    String join(@PathVariable String slug, @RequestParam(defaultValue = "false") boolean agreed,
            @RequestParam(required = false) String rulesVersion, Viewer viewer, Model model, RedirectAttributes redirect) {
        Integer version = agreed && rulesVersion != null && rulesVersion.matches("[0-9]{1,6}") ? Integer.valueOf(rulesVersion) : null;
        return switch (joinCommunity.run(new JoinCommunity.Input(slug, viewer, version))) {
            case JoinCommunity.Outcome.Joined j -> toCommunity(slug, redirect, j.readsOnly()
                    ? "Welcome! You are now a member. This community keeps clinicians at a distance: you read here, but do not write, reply or react."
                    : "Welcome! You are now a member.");
            case JoinCommunity.Outcome.CliniciansNotAdmitted c -> toCommunity(slug, redirect,
                    "This community does not admit verified clinicians, as its rules page says. You have not joined.");
            case JoinCommunity.Outcome.Requested r -> toCommunity(slug, redirect,
                    "Your request is sent. A moderator will look at it; you will see the answer under Mine.");
            case JoinCommunity.Outcome.AlreadyMember m -> toCommunity(slug, redirect, "You are already a member here.");
            case JoinCommunity.Outcome.Banned b -> toCommunity(slug, redirect,
                    "A moderator banned you from this community, so you cannot join it again. Decisions about you says why and how to appeal.");
            case JoinCommunity.Outcome.AlreadyRequested r -> toCommunity(slug, redirect,
                    "You have already asked to join. A moderator will answer; you will see it under Mine.");
            case JoinCommunity.Outcome.ByInvitationOnly i -> toCommunity(slug, redirect,
                    "This community takes new members by invitation only.");
            case JoinCommunity.Outcome.NotAgreed n -> joining(model, communities.visibleTo(slug, viewer).orElseThrow(NotFound::new),
                    "Tick the box to say you agree to the rules: everyone agrees to them on joining. You have not joined yet.");
            case JoinCommunity.Outcome.RulesChangedMeanwhile(var community, var current) ->
                    joining(model, communities.visibleTo(slug, viewer).orElseThrow(NotFound::new),
                            "The rules changed while you were reading them: they are now version " + current
                                    + ". Read them again below, and agree if you still want to join. You have not joined yet.");
            case JoinCommunity.Outcome.NotFound n -> throw new NotFound();
        };
    }

    private static String toCommunity(String slug, RedirectAttributes redirect, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug;
    }

    private String joining(Model model, Access access, String refusal) {
        model.addAttribute("access", access);
        model.addAttribute("rules", rules.current(access));
        model.addAttribute("errors", refusal == null ? FormErrors.NONE : new FormErrors(Map.of("agreed", refusal)));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/community/web/join";
    }
}
