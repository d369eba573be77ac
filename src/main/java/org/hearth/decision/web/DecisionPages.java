package org.hearth.decision.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.PostCheck;
import org.hearth.conversation.PostChecks;
import org.hearth.decision.AddOption;
import org.hearth.decision.DefineContext;
import org.hearth.decision.SharedContext;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.StartDecision;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Starting a decision and adding an option to one. The decision itself is shown on its topic
 * page ({@link OptionsAboveReplies}). Anything the viewer may not see answers 404.
 */
@Controller
class DecisionPages {

    private static final String NEW_DECISION = "org/hearth/decision/web/new-decision";
    private static final String NEW_OPTION = "org/hearth/decision/web/new-option";
    private static final String JOIN_FIRST = "Join this community to start a decision.";

    private final Communities communities;
    private final DecisionTopics decisionTopics;
    private final StartDecision startDecision;
    private final AddOption addOption;
    private final PostChecks checks;
    private final Conversations conversations;
    private final SharedContext sharedContext;
    private final DefineContext defineContext;

    DecisionPages(Communities communities, DecisionTopics decisionTopics, StartDecision startDecision, AddOption addOption, PostChecks checks,
            Conversations conversations, SharedContext sharedContext, DefineContext defineContext) {
        this.sharedContext = sharedContext;
        this.defineContext = defineContext;
        this.conversations = conversations;
        this.communities = communities;
        this.decisionTopics = decisionTopics;
        this.startDecision = startDecision;
        this.addOption = addOption;
        this.checks = checks;
    }

    /** The forms are records bound through their constructors only: their lists are not written into afterwards. */
    @InitBinder("form")
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @GetMapping("/c/{slug}/decisions/new")
    String newDecision(@PathVariable String slug, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, JOIN_FIRST);
            return "redirect:/c/" + slug;
        }
        return decisionForm(model, DecisionForms.NewDecision.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/decisions")
    String startDecision(@PathVariable String slug, @Valid @ModelAttribute("form") DecisionForms.NewDecision form,
            BindingResult result, Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, JOIN_FIRST);
            return "redirect:/c/" + slug;
        }
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(result).byField());
        form.rowErrors().forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return decisionForm(model, form, new FormErrors(errors));
        }
        var checked = new PostCheck.Post(access, viewer, PostCheck.Kind.TOPIC, form.title(), form.body(),
                Boolean.TRUE.equals(form.anonymous()), form.answer(), "/c/" + slug + "/decisions", form.fields());
        switch (checks.check(checked)) {
            case PostCheck.Verdict.Show(var view, var shown) -> {
                model.addAllAttributes(shown);
                return view;
            }
            case PostCheck.Verdict.BackToForm back -> {
                return decisionForm(model, form.unanswered(), FormErrors.NONE);
            }
            case PostCheck.Verdict.Store store -> {
            }
        }
        var input = new StartDecision.Input(access, viewer, form.title(), form.body(), form.contentWarning(),
                Boolean.TRUE.equals(form.anonymous()), form.optionDrafts(), form.questionTexts(), form.shown(), form.key());
        StartDecision.Outcome outcome;
        try {
            outcome = startDecision.run(input);
        } catch (DataAccessException | TransactionException e) {
            // The database failed, perhaps while committing: look for what this form stored before saying anything.
            Optional<StartDecision.Outcome.AlreadySaved> saved = ifReadable(input);
            if (saved.isEmpty()) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                return decisionForm(model, form, FormErrors.of("", "We could not confirm that your decision was saved. Look "
                        + "for it among the community's topics (the link above): if it is not there, post it again. It will "
                        + "not be stored twice."));
            }
            outcome = saved.get();
        }
        return switch (outcome) {
            case StartDecision.Outcome.Started(var topicId, var held) -> {
                String told = checked.answered()
                        ? conversations.openingPostId(access, topicId).map(postId -> checks.stored(checked, postId)).orElse("") : "";
                redirect.addFlashAttribute(Page.NOTICE, ((held ? "Your decision is saved. This community lets new members' posts "
                        + "through one by one: others will see it once a moderator has. " : "Your decision is posted. ") + told).strip());
                yield "redirect:/c/" + slug + "/t/" + topicId;
            }
            case StartDecision.Outcome.AlreadySaved(var topicId) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your decision is posted. It was sent more than once and is stored once.");
                yield "redirect:/c/" + slug + "/t/" + topicId;
            }
            case StartDecision.Outcome.NotAMember n -> {
                redirect.addFlashAttribute(Page.NOTICE, JOIN_FIRST);
                yield "redirect:/c/" + slug;
            }
            case StartDecision.Outcome.TooFewOptions(var minimum) -> refused(model, form, response, "options",
                    "A decision needs at least " + minimum + " options: name each choice you are weighing, staying as you are included.");
            case StartDecision.Outcome.TooManyOptions(var maximum) -> refused(model, form, response, "options",
                    "A decision can set out up to " + maximum + " options side by side. Keep the ones members are really choosing between.");
            case StartDecision.Outcome.DuplicateOption(var name) -> refused(model, form, response, "options",
                    "Two options are both called \u201c" + name + "\u201d (capitals, accents and punctuation aside). Give each a name of its own.");
            case StartDecision.Outcome.TooManyQuestions(var maximum) -> refused(model, form, response, "questions",
                    "Keep up to " + maximum + " questions.");
            case StartDecision.Outcome.AudienceWidened(var now) -> {
                visible(slug, viewer, model); // the form again, telling who reads the community now
                yield refused(model, form, response, "", now.widenedWhileWriting(form.shown()));
            }
            case StartDecision.Outcome.OverLimit(var why) -> refused(model, form, response, "", why);
        };
    }

    /** The form again with what was typed, and why it was not stored. */
    private static String refused(Model model, DecisionForms.NewDecision form, HttpServletResponse response, String field,
            String why) {
        response.setStatus(422);
        return decisionForm(model, form, FormErrors.of(field, why));
    }

    @GetMapping("/c/{slug}/t/{topicId}/options/new")
    String newOption(@PathVariable String slug, @PathVariable String topicId, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        var decision = decisionTopics.readable(access, viewer, topicId).orElseThrow(NotFound::new);
        return optionForm(model, decision, DecisionForms.NewOption.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/t/{topicId}/options")
    String addOption(@PathVariable String slug, @PathVariable String topicId, @ModelAttribute("form") DecisionForms.NewOption form,
            Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        var decision = decisionTopics.readable(access, viewer, topicId).orElseThrow(NotFound::new);
        FormErrors errors = form.errors();
        if (!errors.any()) {
            errors = switch (addOption.run(new AddOption.Input(access, viewer, topicId, form.draft()))) {
                case AddOption.Outcome.Added(var optionId, var by) -> {
                    redirect.addFlashAttribute(Page.NOTICE, "The option \u201c" + form.draft().name() + "\u201d is added.");
                    yield null;
                }
                case AddOption.Outcome.NoSuchDecision n -> throw new NotFound();
                case AddOption.Outcome.NotAllowed n -> FormErrors.of("", "Only the decision's author and the community's "
                        + "moderators add options. To suggest one, reply to the topic.");
                case AddOption.Outcome.Locked l -> FormErrors.of("", "A moderator locked this topic: only moderators change it now.");
                case AddOption.Outcome.Full(var maximum) -> FormErrors.of("", "This decision has " + maximum
                        + " options already, as many as can stand side by side.");
                case AddOption.Outcome.Duplicate(var name) -> FormErrors.of("name", "This decision has an option called \u201c"
                        + name + "\u201d already (capitals, accents and punctuation aside).");
            };
            if (errors == null) {
                return "redirect:/c/" + slug + "/t/" + topicId + "#options";
            }
        }
        response.setStatus(422);
        return optionForm(model, decisionTopics.readable(access, viewer, topicId).orElse(decision), form, errors);
    }

    @GetMapping("/c/{slug}/decisions/context")
    String contextForm(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = visible(slug, viewer, model);
        if (access.moderates() && !access.canModerate()) {
            return "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
        }
        if (!access.canModerate()) {
            throw new NotFound();
        }
        return contextForm(model, new DecisionForms.ContextList(SharedContext.asText(sharedContext.offered(access.community().id()))),
                FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/decisions/context")
    String defineContext(@PathVariable String slug, @ModelAttribute("form") DecisionForms.ContextList form, Viewer viewer, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        if (access.moderates() && !access.canModerate()) {
            return "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";
        }
        String why = switch (defineContext.run(new DefineContext.Input(access, SharedContext.parse(form.text())))) {
            case DefineContext.Outcome.Saved s -> null;
            case DefineContext.Outcome.NotAModerator n -> throw new NotFound();
            case DefineContext.Outcome.TooManyFields(var maximum) -> "Keep the list to " + maximum + " kinds of context: "
                    + "every one more makes a member easier to single out.";
            case DefineContext.Outcome.TooFewChoices(var field, var minimum) -> "\u201c" + field + "\u201d needs at least " + minimum
                    + " choices after its colon, separated by semicolons, such as \u201c" + field + ": Less than a year; 1 to 5 years\u201d.";
            case DefineContext.Outcome.TooManyChoices(var field, var maximum) -> "\u201c" + field + "\u201d has more than " + maximum
                    + " choices: use broader ranges, so each has enough members in it.";
            case DefineContext.Outcome.BadLabel(var label, var maximum) -> label.isBlank() ? "A line starts with a colon: name the "
                    + "kind of context before it." : "\u201c" + label + "\u201d is too long or has no letters: keep each name under "
                    + maximum + " characters.";
            case DefineContext.Outcome.Duplicate(var label) -> "\u201c" + label + "\u201d is on the list twice (capitals and "
                    + "punctuation aside).";
        };
        if (why == null) {
            redirect.addFlashAttribute(Page.NOTICE, "The list of what members may share is saved. What experiences shared under "
                    + "names you took off still filters; it is no longer offered.");
            return "redirect:/c/" + slug + "/decisions/context";
        }
        response.setStatus(422);
        return contextForm(model, form, FormErrors.of("text", why));
    }

    private String contextForm(Model model, DecisionForms.ContextList form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/decision/web/context";
    }

    private Optional<StartDecision.Outcome.AlreadySaved> ifReadable(StartDecision.Input input) {
        try {
            return startDecision.savedEarlier(input);
        } catch (DataAccessException | TransactionException e) {
            return Optional.empty();
        }
    }

    private static String decisionForm(Model model, DecisionForms.NewDecision form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        return NEW_DECISION;
    }

    private String optionForm(Model model, DecisionTopics.Decision decision, DecisionForms.NewOption form, FormErrors errors) {
        model.addAttribute("decision", decision);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return NEW_OPTION;
    }

    private Access visible(String slug, Viewer viewer, Model model) {
        return visible(communities, slug, viewer, model);
    }

    /** The community as this viewer may see it; adds it to the model, keeps non-public pages out of search engines. */
    static Access visible(Communities communities, String slug, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("access", access);
        model.addAttribute(Page.NOINDEX, !access.community().openToSearchEngines());
        return access;
    }
}
