package org.hearth.moderation.web;

import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.moderation.ClaimReview;
import org.hearth.moderation.DecideReview;
import org.hearth.moderation.Decisions;
import org.hearth.moderation.FlagPost;
import org.hearth.moderation.FlagReason;
import org.hearth.moderation.ModerationAction;
import org.hearth.moderation.ModerationLog;
import org.hearth.moderation.ReviewQueue;
import org.hearth.moderation.SiteStaffReach;
import org.hearth.moderation.FileAppeal;
import org.hearth.moderation.DecideAppeal;
import org.hearth.moderation.DecideHeldPost;
import org.hearth.moderation.web.ModerationForms.AppealDecisionForm;
import org.hearth.moderation.web.ModerationForms.AppealForm;
import org.hearth.moderation.web.ModerationForms.DecisionForm;
import org.hearth.moderation.web.ModerationForms.FlagForm;
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flagging a post, a community's review queue, and a member's page of decisions about them.
 * The queue answers 404 to everyone who does not moderate the community, like a page that does
 * not exist; a flag form for a post the viewer may not read does too.
 */
@Controller
class ModerationPages {

    private static final String FLAG = "org/hearth/moderation/web/flag";
    private static final String REVIEW = "org/hearth/moderation/web/review";
    static final String SECOND_FACTOR_FIRST = "redirect:" + SecondFactorRules.ENROLMENT_PAGE + "?required";

    private final Communities communities;
    private final HiddenPosts posts;
    private final FlagPost flagPost;
    private final ReviewQueue queue;
    private final ClaimReview claimReview;
    private final DecideReview decideReview;
    private final Decisions decisions;
    private final ModerationLog log;
    private final SiteStaffReach reach;
    private final FileAppeal fileAppeal;
    private final DecideAppeal decideAppeal;
    private final DecideHeldPost decideHeldPost;
    private final org.hearth.moderation.SettleMisinformationFlags settleMisinformation;

    ModerationPages(Communities communities, HiddenPosts posts, FlagPost flagPost, ReviewQueue queue, ClaimReview claimReview,
            DecideReview decideReview, Decisions decisions, ModerationLog log, SiteStaffReach reach, FileAppeal fileAppeal,
            DecideAppeal decideAppeal, DecideHeldPost decideHeldPost, org.hearth.moderation.SettleMisinformationFlags settleMisinformation) {
        this.decideHeldPost = decideHeldPost;
        this.settleMisinformation = settleMisinformation;
        this.log = log;
        this.reach = reach;
        this.fileAppeal = fileAppeal;
        this.decideAppeal = decideAppeal;
        this.communities = communities;
        this.posts = posts;
        this.flagPost = flagPost;
        this.queue = queue;
        this.claimReview = claimReview;
        this.decideReview = decideReview;
        this.decisions = decisions;
    }

    // ---- flagging --------------------------------------------------------------------------

    @GetMapping("/c/{slug}/p/{postId}/flag")
    String flagForm(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        HiddenPosts.Post post = posts.readable(access, postId).filter(p -> !p.deleted()).orElseThrow(NotFound::new);
        return flagPage(model, access, post, FlagForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/p/{postId}/flag")
    String flag(@PathVariable String slug, @PathVariable String postId, @ModelAttribute FlagForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        FlagPost.Outcome outcome = flagPost.run(new FlagPost.Input(access, viewer, postId, form.reason(), form.comment()));
        String notice = switch (outcome) {
            case FlagPost.Outcome.Flagged(var location, var hidden) -> {
                redirect.addFlashAttribute(Page.NOTICE, hidden
                        ? "Thank you. The post is hidden while the moderators review it."
                        : "Thank you. The moderators will look at it; the post stays as it is until then.");
                yield to(slug, location);
            }
            case FlagPost.Outcome.NotFound n -> throw new NotFound();
            case FlagPost.Outcome.NotAMember(var location) -> back(redirect, slug, location, "Join this community to flag posts.");
            case FlagPost.Outcome.Suspended(var location, var until) -> back(redirect, slug, location,
                    "You are suspended in this community until " + org.hearth.platform.web.When.readable(until) + " and cannot flag posts.");
            case FlagPost.Outcome.OwnPost(var location) -> back(redirect, slug, location,
                    "This is your own post: you cannot flag it. You can edit or delete it.");
            case FlagPost.Outcome.AlreadyFlagged(var location) -> back(redirect, slug, location,
                    "You already flagged this post. The moderators have your flag; one per post is enough.");
            case FlagPost.Outcome.DailyLimitReached(var location, var limit) -> back(redirect, slug, location,
                    "You have flagged " + limit + " posts today, the most a member may in a day. Try again tomorrow, "
                            + "or write to the moderators if something is urgent.");
            case FlagPost.Outcome.ReasonMissing r -> null;
            case FlagPost.Outcome.CommentNeeded c -> null;
            case FlagPost.Outcome.CommentTooLong t -> null;
        };
        if (notice != null) {
            return notice;
        }
        FormErrors errors = switch (outcome) {
            case FlagPost.Outcome.ReasonMissing r -> FormErrors.of("reason", "Choose why you flag this post.");
            case FlagPost.Outcome.CommentNeeded c -> FormErrors.of("comment", "Say in a few words what is wrong, so the moderators know.");
            case FlagPost.Outcome.CommentTooLong(var max) -> FormErrors.of("comment",
                    "Keep the comment under " + max + " characters; yours has " + form.comment().strip().length() + ".");
            default -> FormErrors.NONE;
        };
        HiddenPosts.Post post = posts.readable(access, postId).orElseThrow(NotFound::new);
        return flagPage(model, access, post, form, errors);
    }

    private String flagPage(Model model, Access access, HiddenPosts.Post post, FlagForm form, FormErrors errors) {
        model.addAttribute("access", access);
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", FlagReason.values());
        model.addAttribute("commentMax", FlagPost.COMMENT_MAX);
        model.addAttribute(Page.NOINDEX, true);
        return FLAG;
    }

    // ---- the moderation log ----------------------------------------------------------------

    @GetMapping("/c/{slug}/log")
    String log(@PathVariable String slug, @RequestParam(defaultValue = "1") int page, Viewer viewer, Model model) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        model.addAttribute("log", log.page(access, viewer, page).orElseThrow(NotFound::new));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/log";
    }

    // ---- the review queue ------------------------------------------------------------------

    @GetMapping("/c/{slug}/review")
    String review(@PathVariable String slug, Viewer viewer, Model model) {
        Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
        Optional<ReviewQueue.Queue> found = queue.of(access, viewer);
        if (found.isEmpty()) {
            return SECOND_FACTOR_FIRST;
        }
        return reviewPage(model, found.get(), null, DecisionForm.empty(), FormErrors.NONE);
    }

    private String reviewPage(Model model, ReviewQueue.Queue queue, String formFor, DecisionForm form, FormErrors errors) {
        model.addAttribute("queue", queue);
        model.addAttribute("advisorsHere", settleMisinformation.advisorsHere(queue.access().community().id()));
        model.addAttribute("actions", ModerationAction.inReview().toArray(ModerationAction[]::new));
        model.addAttribute("formFor", formFor);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute(Page.NOINDEX, true);
        return REVIEW;
    }

    @PostMapping("/c/{slug}/review/{postId}/claim")
    String claim(@PathVariable String slug, @PathVariable String postId, Viewer viewer, RedirectAttributes redirect) {
        String notice = switch (claimReview.run(new ClaimReview.Input(slug, viewer, postId))) {
            case ClaimReview.Outcome.Claimed c -> "It is yours for the next 30 minutes: other moderators see that you are on it.";
            case ClaimReview.Outcome.NotFound n -> throw new NotFound();
            case ClaimReview.Outcome.SecondFactorNeeded s -> null;
            case ClaimReview.Outcome.NotWaiting n -> "That post is no longer waiting: another moderator decided it.";
            case ClaimReview.Outcome.AboutYourself a -> "Those flags are about you: another moderator reads and decides them.";
            case ClaimReview.Outcome.ClaimedByAnother(var access, var moderator) -> moderator + " is already looking at that post.";
        };
        if (notice == null) {
            return SECOND_FACTOR_FIRST;
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/review#r-" + postId;
    }

    @PostMapping("/c/{slug}/review/{postId}/decide")
    String decide(@PathVariable String slug, @PathVariable String postId, @ModelAttribute DecisionForm form, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        Integer rule = number(form.ruleNumber());
        if (form.ruleNumber() != null && !form.ruleNumber().isBlank() && (rule == null || rule < 1 || rule > 999)) {
            Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
            return again(model, access, viewer, postId, form, FormErrors.of("ruleNumber", "A rule number is a whole number such as 3, or nothing."));
        }
        var input = new DecideReview.Input(slug, viewer, postId, ModerationAction.valueOfOrNull(form.action()), form.reason(), rule,
                number(form.days()), form.title(), form.moveTo());
        return switch (decideReview.run(input)) {
            case DecideReview.Outcome.Decided(var access, var action) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Done: " + action.label() + ". The author is told, with your reason.");
                yield "redirect:/c/" + slug + "/review";
            }
            case DecideReview.Outcome.NotFound n -> throw new NotFound();
            case DecideReview.Outcome.SecondFactorNeeded s -> SECOND_FACTOR_FIRST;
            case DecideReview.Outcome.ActionMissing(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("action", "Choose what to do with this post."));
            case DecideReview.Outcome.ReasonMissing(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("reason", "Write the reason: the member reads it, and it goes in the community's record."));
            case DecideReview.Outcome.ReasonTooLong(var access, var max) -> again(model, access, viewer, postId, form,
                    FormErrors.of("reason", "Keep the reason under " + max + " characters."));
            case DecideReview.Outcome.DaysNeeded(var access, var max) -> again(model, access, viewer, postId, form,
                    FormErrors.of("days", "Say for how many days, from 1 to " + max + "."));
            case DecideReview.Outcome.NotWaiting n -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing was done: another moderator decided about that post first. "
                        + "Their decision stands; it is in the community's record.");
                yield "redirect:/c/" + slug + "/review";
            }
            case DecideReview.Outcome.ClaimedByAnother(var access, var moderator) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing was done: " + moderator + " is looking at that post. "
                        + "Leave it to them, or wait until their claim runs out.");
                yield "redirect:/c/" + slug + "/review";
            }
            case DecideReview.Outcome.AuthorNotAMember(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("action", "The author is no longer a member here, so they cannot be muted or suspended. "
                            + "Hide or remove the post instead."));
            case DecideReview.Outcome.OwnPost(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("action", "This is your own post: another moderator decides about it."));
            case DecideReview.Outcome.NoSuchRule(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("ruleNumber", "Choose one of this community's rules, or none."));
            case DecideReview.Outcome.TitleNeeded(var access, var max) -> again(model, access, viewer, postId, form,
                    FormErrors.of("title", "Write the topic's new title, up to " + max + " characters."));
            case DecideReview.Outcome.DestinationNeeded(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("moveTo", "Choose another community you moderate to move the topic to."));
            case DecideReview.Outcome.NotMovableFromHere(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("action", "Only a public community's topics can be moved: here, members wrote for this community's "
                            + "members only, and another community's readers are other people."));
            case DecideReview.Outcome.OwnerNotBanned(var access) -> again(model, access, viewer, postId, form,
                    FormErrors.of("action", "The author owns this community, so they cannot be banned from it."));
        };
    }

    private String again(Model model, Access access, Viewer viewer, String postId, DecisionForm form, FormErrors errors) {
        ReviewQueue.Queue found = queue.of(access, viewer).orElseThrow(NotFound::new);
        return reviewPage(model, found, postId, form, errors);
    }

    // ---- appeals ---------------------------------------------------------------------------

    @PostMapping("/c/{slug}/appeals/{appealId}/decide")
    String decideAppeal(@PathVariable String slug, @PathVariable String appealId, @ModelAttribute AppealDecisionForm form,
            Viewer viewer, Model model, RedirectAttributes redirect) {
        Boolean uphold = "true".equals(form.uphold()) ? Boolean.TRUE : "false".equals(form.uphold()) ? Boolean.FALSE : null;
        var outcome = decideAppeal.run(new DecideAppeal.Input(slug, viewer, appealId, uphold, form.reason()));
        FormErrors errors = switch (outcome) {
            case DecideAppeal.Outcome.Decided(var access, var upheld) -> {
                redirect.addFlashAttribute(Page.NOTICE, upheld
                        ? "Done: the appeal is upheld and the action undone. The member is told, with your reason."
                        : "Done: the appeal is not upheld; the action stands. The member is told, with your reason.");
                yield null;
            }
            case DecideAppeal.Outcome.NotFound n -> throw new NotFound();
            case DecideAppeal.Outcome.SecondFactorNeeded s -> null;
            case DecideAppeal.Outcome.OwnAction o -> FormErrors.of("uphold", "You took this action: another moderator decides the appeal.");
            case DecideAppeal.Outcome.LeftToModerators l -> FormErrors.of("uphold",
                    "This community has a moderator other than the one who acted: the appeal is theirs to decide.");
            case DecideAppeal.Outcome.ChoiceMissing c -> FormErrors.of("uphold", "Choose whether to uphold the appeal.");
            case DecideAppeal.Outcome.ReasonMissing r -> FormErrors.of("reason",
                    "Write the reason: the member reads it, and it goes in the community's record.");
            case DecideAppeal.Outcome.ReasonTooLong(var access, var max) -> FormErrors.of("reason", "Keep the reason under " + max + " characters.");
            case DecideAppeal.Outcome.AlreadyDecided a -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing was done: someone else decided that appeal first. "
                        + "Their decision stands; it is in the community's record.");
                yield null;
            }
        };
        if (outcome instanceof DecideAppeal.Outcome.SecondFactorNeeded) {
            return SECOND_FACTOR_FIRST;
        }
        if (errors == null) {
            return "redirect:/c/" + slug + "/review";
        }
        Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
        ReviewQueue.Queue found = queue.of(access, viewer).orElseThrow(NotFound::new);
        reviewPage(model, found, null, DecisionForm.empty(), errors);
        model.addAttribute("appealFor", appealId);
        model.addAttribute("appealForm", form);
        return REVIEW;
    }

    @PostMapping("/c/{slug}/held/{postId}")
    String settleHeld(@PathVariable String slug, @PathVariable String postId, @RequestParam(defaultValue = "") String letThrough,
            @RequestParam(defaultValue = "") String reason, Viewer viewer, Model model, RedirectAttributes redirect) {
        var outcome = decideHeldPost.run(new DecideHeldPost.Input(slug, viewer, postId, "true".equals(letThrough), reason));
        String notice = switch (outcome) {
            case DecideHeldPost.Outcome.LetThrough l -> "Let through: everyone who reads the community sees it now.";
            case DecideHeldPost.Outcome.Removed r -> "Removed. Its author is told, with your reason, and may appeal.";
            case DecideHeldPost.Outcome.NotWaiting n -> "Nothing was done: that post is no longer held (another moderator settled it, "
                    + "or its author deleted it).";
            case DecideHeldPost.Outcome.NotFound n -> throw new NotFound();
            case DecideHeldPost.Outcome.SecondFactorNeeded s -> null;
            case DecideHeldPost.Outcome.ReasonMissing r -> null;
            case DecideHeldPost.Outcome.ReasonTooLong r -> null;
        };
        if (outcome instanceof DecideHeldPost.Outcome.SecondFactorNeeded) {
            return SECOND_FACTOR_FIRST;
        }
        if (notice != null) {
            redirect.addFlashAttribute(Page.NOTICE, notice);
            return "redirect:/c/" + slug + "/review#held";
        }
        FormErrors errors = outcome instanceof DecideHeldPost.Outcome.ReasonTooLong(var access, var max)
                ? FormErrors.of("reason", "Keep the reason under " + max + " characters.")
                : FormErrors.of("reason", "Write why you remove it: its author reads the reason.");
        Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
        reviewPage(model, queue.of(access, viewer).orElseThrow(NotFound::new), null, DecisionForm.empty(), errors);
        model.addAttribute("heldFor", postId);
        return REVIEW;
    }

    @GetMapping("/me/decisions/{actionId}/appeal")
    String appealForm(@PathVariable String actionId, Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Decisions.Decision decision = decisions.one(viewer, actionId).filter(d -> d.appeal() != null).orElseThrow(NotFound::new);
        return appealPage(model, decision, AppealForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/me/decisions/{actionId}/appeal")
    String appeal(@PathVariable String actionId, @ModelAttribute AppealForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        var outcome = fileAppeal.run(new FileAppeal.Input(viewer, actionId, form.words()));
        String notice = switch (outcome) {
            case FileAppeal.Outcome.Filed f -> "Your appeal is sent. Someone other than the moderator who acted will decide it; "
                    + "you will read the decision and its reason here.";
            case FileAppeal.Outcome.NotFound n -> throw new NotFound();
            case FileAppeal.Outcome.NotAppealable n -> "That decision cannot be appealed.";
            case FileAppeal.Outcome.AlreadyAppealed a -> "You have already appealed that decision; one appeal per decision.";
            case FileAppeal.Outcome.TooLate(var closedAt) -> "The time to appeal that decision ended on "
                    + org.hearth.platform.web.When.readable(closedAt) + ".";
            case FileAppeal.Outcome.AlreadyUndone u -> "That decision was already undone: there is nothing to appeal.";
            case FileAppeal.Outcome.WordsMissing w -> null;
            case FileAppeal.Outcome.WordsTooLong t -> null;
        };
        if (notice != null) {
            redirect.addFlashAttribute(Page.NOTICE, notice);
            return "redirect:/me/decisions#d-" + actionId;
        }
        FormErrors errors = switch (outcome) {
            case FileAppeal.Outcome.WordsTooLong(var max, var length) -> FormErrors.of("words",
                    "Keep your appeal under " + max + " characters; yours has " + length + ".");
            default -> FormErrors.of("words", "Write why you think the decision was wrong: the moderator who decides reads it.");
        };
        Decisions.Decision decision = decisions.one(viewer, actionId).orElseThrow(NotFound::new);
        return appealPage(model, decision, form, errors);
    }

    private String appealPage(Model model, Decisions.Decision decision, AppealForm form, FormErrors errors) {
        model.addAttribute("decision", decision);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("wordsMax", FileAppeal.WORDS_MAX);
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/appeal";
    }

    // ---- decisions about me ----------------------------------------------------------------

    @GetMapping("/me/decisions")
    String decisions(Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        model.addAttribute("decisions", decisions.about(viewer));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/decisions";
    }

    /** The flags a member raised on posts and what became of each. */
    @GetMapping("/me/flags")
    String flagsRaised(Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        model.addAttribute("flags", decisions.flagsRaised(viewer));
        model.addAttribute(Page.NOINDEX, true);
        return "org/hearth/moderation/web/flags-raised";
    }

    private static String to(String slug, Location location) {
        return "redirect:/c/" + slug + "/t/" + location.topicId() + "?page=" + location.page() + "#p-" + location.postId();
    }

    static String back(RedirectAttributes redirect, String slug, Location location, String notice) {
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return to(slug, location);
    }

    static Integer number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
