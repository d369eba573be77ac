package org.hearth.decision.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.PostCheck;
import org.hearth.conversation.PostChecks;
import org.hearth.decision.AddExperience;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.Experiences;
import org.hearth.decision.SharedContext;
import org.hearth.decision.UpdateExperience;
import org.hearth.decision.WouldChooseAgain;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.text.Markdown;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Adding one's experience of a decision, and adding to it later. One page: a member who has an
 * experience of this decision is shown the form that adds to its timeline, never a second one.
 * Anything the viewer may not read answers 404.
 */
@Controller
class ExperiencePages {

    private static final String FORM = "org/hearth/decision/web/experience";

    private final Communities communities;
    private final DecisionTopics decisionTopics;
    private final Experiences experiences;
    private final AddExperience addExperience;
    private final UpdateExperience updateExperience;
    private final PostChecks checks;
    private final Conversations conversations;
    private final Markdown markdown;
    private final SharedContext sharedContext;

    ExperiencePages(SharedContext sharedContext, Communities communities, DecisionTopics decisionTopics, Experiences experiences, AddExperience addExperience,
            UpdateExperience updateExperience, PostChecks checks, Conversations conversations, Markdown markdown) {
        this.sharedContext = sharedContext;
        this.communities = communities;
        this.decisionTopics = decisionTopics;
        this.experiences = experiences;
        this.addExperience = addExperience;
        this.updateExperience = updateExperience;
        this.checks = checks;
        this.conversations = conversations;
        this.markdown = markdown;
    }

    /** The forms are records bound through their constructors only: their lists are not written into afterwards. */
    @InitBinder("form")
    void constructorOnly(WebDataBinder binder) {
        binder.setDeclarativeBinding(true);
    }

    @GetMapping("/c/{slug}/t/{topicId}/experience")
    String form(@PathVariable String slug, @PathVariable String topicId, @RequestParam(required = false) String option,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        var decision = decisionTopics.readable(access, viewer, topicId).orElseThrow(NotFound::new);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, "Join this community to add your experience.");
            return "redirect:/c/" + slug + "/t/" + topicId;
        }
        Optional<Experiences.Mine> mine = experiences.mine(access, viewer, topicId);
        if (mine.isPresent()) {
            return updateForm(model, decision, mine.get(), DecisionForms.ExperienceUpdate.empty(mine.get().wouldAgain()), FormErrors.NONE);
        }
        String chosen = decision.options().stream().map(o -> o.id()).filter(id -> id.equals(option)).findFirst().orElse(null);
        return addForm(model, decision, DecisionForms.NewExperience.empty(chosen), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/t/{topicId}/experiences")
    String add(@PathVariable String slug, @PathVariable String topicId, @Valid @ModelAttribute("form") DecisionForms.NewExperience form,
            BindingResult result, Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        var decision = decisionTopics.readable(access, viewer, topicId).orElseThrow(NotFound::new);
        if (!access.canPost()) {
            redirect.addFlashAttribute(Page.NOTICE, "Join this community to add your experience.");
            return "redirect:/c/" + slug + "/t/" + topicId;
        }
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(result).byField());
        form.fieldErrors(decision.questions().size()).forEach(errors::putIfAbsent);
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return addForm(model, decision, form, new FormErrors(errors));
        }
        var checked = new PostCheck.Post(access, viewer, PostCheck.Kind.REPLY, null, form.body(), Boolean.TRUE.equals(form.anonymous()),
                form.answer(), "/c/" + slug + "/t/" + topicId + "/experiences", form.fields());
        switch (checks.check(checked)) {
            case PostCheck.Verdict.Show(var view, var shown) -> {
                model.addAllAttributes(shown);
                return view;
            }
            case PostCheck.Verdict.BackToForm back -> {
                return addForm(model, decision, form.unanswered(), FormErrors.NONE);
            }
            case PostCheck.Verdict.Store store -> {
            }
        }
        var input = new AddExperience.Input(access, viewer, topicId, form.option(), form.chosenIn(), form.wouldAgain(), form.body(),
                form.contentWarning(), Boolean.TRUE.equals(form.anonymous()), form.givenAnswers(), form.sharedContext(), form.shown(),
                form.key());
        AddExperience.Outcome outcome;
        try {
            outcome = addExperience.run(input);
        } catch (DataAccessException | TransactionException e) {
            // The database failed, perhaps while committing: look for what this form stored before saying anything.
            Optional<Conversations.Location> saved = savedEarlier(input);
            if (saved.isEmpty()) {
                response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
                return addForm(model, decision, form, FormErrors.of("", "We could not confirm that your experience was saved. "
                        + "Look for it on the decision's page: if it is not there, send it again. It will not be stored twice."));
            }
            outcome = new AddExperience.Outcome.AlreadySaved(saved.get());
        }
        String back = "redirect:/c/" + slug + "/t/" + topicId + "#options";
        return switch (outcome) {
            case AddExperience.Outcome.Added(var location, var held) -> {
                String told = checked.answered() ? checks.stored(checked, location.postId()) : "";
                redirect.addFlashAttribute(Page.NOTICE, ((held ? "Your experience is saved. This community lets new members' posts "
                        + "through one by one: others will see it once a moderator has. " : "Your experience is added. ") + told
                        + (markdown.hasImages(form.body()) ? " " + Markdown.WHY_NO_IMAGES : "")).strip());
                yield back;
            }
            case AddExperience.Outcome.AlreadySaved(var location) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Your experience is added. It was sent more than once and is stored once.");
                yield back;
            }
            case AddExperience.Outcome.AlreadyAdded already -> {
                redirect.addFlashAttribute(Page.NOTICE, "You added your experience of this decision before: one per member. "
                        + "Add to it here instead; what you wrote first stays.");
                yield "redirect:/c/" + slug + "/t/" + topicId + "/experience";
            }
            case AddExperience.Outcome.NoSuchDecision n -> throw new NotFound();
            case AddExperience.Outcome.NotAMember n -> refused(model, decision, form, response, "",
                    "Join this community to add your experience.");
            case AddExperience.Outcome.NoSuchOption n -> refused(model, decision, form, response, "option",
                    "That option is not one of this decision's. Choose one of those below.");
            case AddExperience.Outcome.NoSuchContext n -> refused(model, decision, form, response, "context",
                    "What you chose to share is no longer on the community's list. Choose again below, or nothing.");
            case AddExperience.Outcome.NoSuchQuestion n -> refused(model, decision, form, response, "",
                    "An answer was for a question this decision does not ask. Your answers to its questions are below.");
            case AddExperience.Outcome.ChosenInTheFuture f -> refused(model, decision, form, response, "chosenYear",
                    "That month has not come yet. Give the month you made the choice.");
            case AddExperience.Outcome.Locked l -> refused(model, decision, form, response, "",
                    "A moderator locked this topic: it takes nothing new.");
            case AddExperience.Outcome.AudienceWidened(var now) -> {
                visible(slug, viewer, model); // the form again, telling who reads the community now
                yield refused(model, decision, form, response, "", now.widenedWhileWriting(form.shown()));
            }
            case AddExperience.Outcome.OverLimit(var why) -> refused(model, decision, form, response, "", why);
        };
    }

    /** The form again with what was typed, and why it was not stored. */
    private String refused(Model model, DecisionTopics.Decision decision, DecisionForms.NewExperience form, HttpServletResponse response,
            String field, String why) {
        response.setStatus(422);
        return addForm(model, decision, form, FormErrors.of(field, why));
    }

    @PostMapping("/c/{slug}/t/{topicId}/experience/updates")
    String update(@PathVariable String slug, @PathVariable String topicId, @Valid @ModelAttribute("form") DecisionForms.ExperienceUpdate form,
            BindingResult result, Viewer viewer, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        Access access = visible(slug, viewer, model);
        var decision = decisionTopics.readable(access, viewer, topicId).orElseThrow(NotFound::new);
        var mine = experiences.mine(access, viewer, topicId);
        if (mine.isEmpty()) {
            redirect.addFlashAttribute(Page.NOTICE, "You have no experience of this decision to add to. Add yours first.");
            return "redirect:/c/" + slug + "/t/" + topicId + "/experience";
        }
        Map<String, String> errors = new LinkedHashMap<>(FormErrors.of(result).byField());
        if (form.wouldAgain() == null) {
            errors.putIfAbsent("wouldAgain", "Say whether you would choose it again now: yes, not sure, or no.");
        }
        if (!errors.isEmpty()) {
            response.setStatus(422);
            return updateForm(model, decision, mine.get(), form, new FormErrors(errors));
        }
        var checked = new PostCheck.Post(access, viewer, PostCheck.Kind.EDIT, null, form.body(), false, form.answer(),
                "/c/" + slug + "/t/" + topicId + "/experience/updates", form.fields());
        switch (checks.check(checked)) {
            case PostCheck.Verdict.Show(var view, var shown) -> {
                model.addAllAttributes(shown);
                return view;
            }
            case PostCheck.Verdict.BackToForm back -> {
                return updateForm(model, decision, mine.get(), form.unanswered(), FormErrors.NONE);
            }
            case PostCheck.Verdict.Store store -> {
            }
        }
        FormErrors refused = switch (updateExperience.run(new UpdateExperience.Input(access, viewer, topicId, form.body(), form.wouldAgain()))) {
            case UpdateExperience.Outcome.Updated(var location) -> {
                String told = checked.answered() ? checks.stored(checked, location.postId()) : "";
                redirect.addFlashAttribute(Page.NOTICE, ("Your update is added to your experience. " + told).strip());
                yield null;
            }
            case UpdateExperience.Outcome.NoExperience n -> FormErrors.of("", "Your experience of this decision was deleted meanwhile, "
                    + "so there is nothing to add to. What you wrote is still below.");
            case UpdateExperience.Outcome.NotAMember n -> FormErrors.of("", "You may not write in this community now.");
            case UpdateExperience.Outcome.Locked l -> FormErrors.of("", "A moderator locked this topic: it takes nothing new.");
            case UpdateExperience.Outcome.TooSoon(var from) -> FormErrors.of("", "You added to your experience less than a day ago. "
                    + "Updates make a timeline of how it went over months; add this one after "
                    + org.hearth.platform.web.When.readable(from.toEpochMilli()) + ". What you wrote is still below.");
        };
        if (refused == null) {
            return "redirect:/c/" + slug + "/t/" + topicId + "#options";
        }
        response.setStatus(422);
        return updateForm(model, decision, mine.get(), form, refused);
    }

    private Optional<Conversations.Location> savedEarlier(AddExperience.Input input) {
        try {
            return addExperience.savedEarlier(input).map(saved -> saved.location());
        } catch (DataAccessException | TransactionException e) {
            return Optional.empty();
        }
    }

    private String addForm(Model model, DecisionTopics.Decision decision, DecisionForms.NewExperience form, FormErrors errors) {
        model.addAttribute("decision", decision);
        model.addAttribute("contextFields", sharedContext.offered(((Access) model.getAttribute("access")).community().id()));
        model.addAttribute("form", form);
        model.addAttribute("update", null);
        model.addAttribute("errors", errors);
        model.addAttribute("again", WouldChooseAgain.values());
        model.addAttribute(Page.NOINDEX, true);
        return FORM;
    }

    private String updateForm(Model model, DecisionTopics.Decision decision, Experiences.Mine mine, DecisionForms.ExperienceUpdate form,
            FormErrors errors) {
        model.addAttribute("decision", decision);
        model.addAttribute("form", null);
        model.addAttribute("update", form);
        model.addAttribute("contextFields", List.of());
        model.addAttribute("mine", mine);
        model.addAttribute("errors", errors);
        model.addAttribute("again", WouldChooseAgain.values());
        model.addAttribute(Page.NOINDEX, true);
        return FORM;
    }

    private Access visible(String slug, Viewer viewer, Model model) {
        return DecisionPages.visible(communities, slug, viewer, model);
    }
}
