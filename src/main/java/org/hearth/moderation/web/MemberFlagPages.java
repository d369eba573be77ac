package org.hearth.moderation.web;

import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.HiddenPosts;
import org.hearth.moderation.ClaimReview;
import org.hearth.moderation.DecideMemberReview;
import org.hearth.moderation.FlagMember;
import org.hearth.moderation.FlagReason;
import org.hearth.moderation.ModerationAction;
import org.hearth.moderation.ReviewQueue;
import org.hearth.moderation.SiteStaffReach;
import org.hearth.moderation.web.ModerationForms.DecisionForm;
import org.hearth.moderation.web.ModerationForms.FlagForm;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.web.FormErrors;
import org.hearth.platform.web.NotFound;
import org.hearth.platform.web.Page;
import org.hearth.platform.web.When;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Flagging a member as a person (reached from one of their posts), and a moderator's page about
 * a flagged member: opened from the review queue, where it is claimed and decided. The page
 * answers 404 to everyone who may not work the community's queue, and to the member the flags
 * are about.
 */
@Controller
class MemberFlagPages {

    private static final String FLAG = "org/hearth/moderation/web/flag";
    private static final String MEMBER_REVIEW = "org/hearth/moderation/web/member-review";

    private final Communities communities;
    private final HiddenPosts posts;
    private final FlagMember flagMember;
    private final ReviewQueue queue;
    private final SiteStaffReach reach;
    private final ClaimReview claimReview;
    private final DecideMemberReview decide;

    MemberFlagPages(Communities communities, HiddenPosts posts, FlagMember flagMember, ReviewQueue queue, SiteStaffReach reach,
            ClaimReview claimReview, DecideMemberReview decide) {
        this.communities = communities;
        this.posts = posts;
        this.flagMember = flagMember;
        this.queue = queue;
        this.reach = reach;
        this.claimReview = claimReview;
        this.decide = decide;
    }

    // ---- flagging --------------------------------------------------------------------------

    @GetMapping("/c/{slug}/p/{postId}/flag-member")
    String flagForm(@PathVariable String slug, @PathVariable String postId, Viewer viewer, Model model) {
        if (viewer == null) {
            return "redirect:/sign-in";
        }
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        return flagPage(model, access, post(access, postId, viewer), FlagForm.empty(), FormErrors.NONE);
    }

    @PostMapping("/c/{slug}/p/{postId}/flag-member")
    String flag(@PathVariable String slug, @PathVariable String postId, @ModelAttribute FlagForm form, Viewer viewer, Model model,
            RedirectAttributes redirect) {
        Access access = communities.visibleTo(slug, viewer).orElseThrow(NotFound::new);
        FlagMember.Outcome outcome = flagMember.run(new FlagMember.Input(access, viewer, postId, form.reason(), form.comment()));
        String notice = switch (outcome) {
            case FlagMember.Outcome.Flagged(var location) -> ModerationPages.back(redirect, slug, location,
                    "Thank you. The moderators will look at it. Nothing changes for the member until they decide.");
            case FlagMember.Outcome.NotFound n -> throw new NotFound();
            case FlagMember.Outcome.NotAMember(var location) -> ModerationPages.back(redirect, slug, location,
                    "Join this community to flag its members.");
            case FlagMember.Outcome.Suspended(var location, var until) -> ModerationPages.back(redirect, slug, location,
                    "You are suspended in this community until " + When.readable(until) + " and cannot flag.");
            case FlagMember.Outcome.Yourself(var location) -> ModerationPages.back(redirect, slug, location,
                    "This is your own post: you cannot flag yourself.");
            case FlagMember.Outcome.AnonymousAuthor(var location) -> ModerationPages.back(redirect, slug, location,
                    "This post is anonymous, so its author cannot be flagged through it. Flag the post instead: "
                            + "the moderators see who wrote it.");
            case FlagMember.Outcome.AlreadyFlagged(var location) -> ModerationPages.back(redirect, slug, location,
                    "You already flagged this member here. The moderators have your flag; one is enough.");
            case FlagMember.Outcome.DailyLimitReached(var location, var limit) -> ModerationPages.back(redirect, slug, location,
                    "You have flagged " + limit + " times today, the most a member may in a day. Try again tomorrow, "
                            + "or write to the moderators if something is urgent.");
            case FlagMember.Outcome.ReasonMissing r -> null;
            case FlagMember.Outcome.CommentNeeded c -> null;
            case FlagMember.Outcome.CommentTooLong t -> null;
        };
        if (notice != null) {
            return notice;
        }
        FormErrors errors = switch (outcome) {
            case FlagMember.Outcome.ReasonMissing r -> FormErrors.of("reason", "Choose why you flag this member.");
            case FlagMember.Outcome.CommentNeeded c -> FormErrors.of("comment",
                    "Say in a few words what they do: a flag about a person needs more than a reason.");
            case FlagMember.Outcome.CommentTooLong(var max) -> FormErrors.of("comment",
                    "Keep the comment under " + max + " characters; yours has " + form.comment().strip().length() + ".");
            default -> FormErrors.NONE;
        };
        return flagPage(model, access, post(access, postId, viewer), form, errors);
    }

    /** The post the member was reached through: one the viewer reads with its author (see {@link FlagMember}). */
    private HiddenPosts.Post post(Access access, String postId, Viewer viewer) {
        return posts.readable(access, postId).filter(p -> FlagMember.reachable(p, viewer)).orElseThrow(NotFound::new);
    }

    private String flagPage(Model model, Access access, HiddenPosts.Post post, FlagForm form, FormErrors errors) {
        model.addAttribute("access", access);
        model.addAttribute("post", post);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("reasons", FlagMember.REASONS.toArray(FlagReason[]::new));
        model.addAttribute("commentMax", FlagMember.COMMENT_MAX);
        model.addAttribute("aboutMember", true);
        model.addAttribute(Page.NOINDEX, true);
        return FLAG;
    }

    // ---- a flagged member, for moderators ----------------------------------------------------

    @GetMapping("/c/{slug}/review/members/{memberId}")
    String review(@PathVariable String slug, @PathVariable String memberId, Viewer viewer, Model model, RedirectAttributes redirect) {
        Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
        if (!access.canModerate()) {
            return ModerationPages.SECOND_FACTOR_FIRST;
        }
        return reviewPage(model, redirect, access, viewer, memberId, DecisionForm.empty(), FormErrors.NONE, false);
    }

    /**
     * The page about the member, or back to the queue when nothing about them waits any more
     * (decided meanwhile) or the flags are about the reader.
     */
    private String reviewPage(Model model, RedirectAttributes redirect, Access access, Viewer viewer, String memberId, DecisionForm form,
            FormErrors errors, boolean formShown) {
        var found = queue.member(access, viewer, memberId);
        if (found.isEmpty()) {
            redirect.addFlashAttribute(Page.NOTICE, viewer.memberId().equals(memberId)
                    ? "Those flags are about you: another moderator reads and decides them."
                    : "Nothing about that member waits for review now: another moderator may have decided it.");
            return "redirect:/c/" + access.community().slug() + "/review";
        }
        model.addAttribute("review", found.get());
        model.addAttribute("actions", ModerationAction.aboutAMember().toArray(ModerationAction[]::new));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("formShown", formShown);
        model.addAttribute(Page.NOINDEX, true);
        return MEMBER_REVIEW;
    }

    @PostMapping("/c/{slug}/review/members/{memberId}/claim")
    String claim(@PathVariable String slug, @PathVariable String memberId, Viewer viewer, RedirectAttributes redirect) {
        String notice = switch (claimReview.run(ClaimReview.Input.ofMember(slug, viewer, memberId))) {
            case ClaimReview.Outcome.Claimed c -> "It is yours for the next 30 minutes: other moderators see that you are on it.";
            case ClaimReview.Outcome.NotFound n -> throw new NotFound();
            case ClaimReview.Outcome.SecondFactorNeeded s -> null;
            case ClaimReview.Outcome.NotWaiting n -> "Nothing about that member waits for review now: another moderator decided it.";
            case ClaimReview.Outcome.AboutYourself a -> "Those flags are about you: another moderator reads and decides them.";
            case ClaimReview.Outcome.ClaimedByAnother(var access, var moderator) -> moderator + " is already looking at that member.";
        };
        if (notice == null) {
            return ModerationPages.SECOND_FACTOR_FIRST;
        }
        redirect.addFlashAttribute(Page.NOTICE, notice);
        return "redirect:/c/" + slug + "/review/members/" + memberId;
    }

    @PostMapping("/c/{slug}/review/members/{memberId}/decide")
    String decide(@PathVariable String slug, @PathVariable String memberId, @ModelAttribute DecisionForm form, Viewer viewer,
            Model model, RedirectAttributes redirect) {
        Integer rule = ModerationPages.number(form.ruleNumber());
        var input = new DecideMemberReview.Input(slug, viewer, memberId, ModerationAction.aboutAMemberOrNull(form.action()), form.reason(),
                rule, ModerationPages.number(form.days()));
        if (form.ruleNumber() != null && !form.ruleNumber().isBlank() && (rule == null || rule < 1 || rule > 999)) {
            Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
            return reviewPage(model, redirect, access, viewer, memberId, form,
                    FormErrors.of("ruleNumber", "A rule number is a whole number such as 3, or nothing."), true);
        }
        FormErrors errors = switch (decide.run(input)) {
            case DecideMemberReview.Outcome.Decided(var access, var action) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Done: " + action.labelAboutAMember() + ". The member is told, with your reason.");
                yield null;
            }
            case DecideMemberReview.Outcome.NotFound n -> throw new NotFound();
            case DecideMemberReview.Outcome.SecondFactorNeeded s -> FormErrors.NONE;
            case DecideMemberReview.Outcome.ActionMissing a -> FormErrors.of("action", "Choose what to do about this member.");
            case DecideMemberReview.Outcome.ReasonMissing r -> FormErrors.of("reason",
                    "Write the reason: the member reads it, and it goes in the community's record.");
            case DecideMemberReview.Outcome.ReasonTooLong(var access, var max) -> FormErrors.of("reason",
                    "Keep the reason under " + max + " characters.");
            case DecideMemberReview.Outcome.DaysNeeded(var access, var max) -> FormErrors.of("days", "Say for how many days, from 1 to " + max + ".");
            case DecideMemberReview.Outcome.NoSuchRule r -> FormErrors.of("ruleNumber", "Choose one of this community's rules, or none.");
            case DecideMemberReview.Outcome.AboutYourself a -> FormErrors.of("action", "These flags are about you: another moderator decides.");
            case DecideMemberReview.Outcome.NotAMemberHere n -> FormErrors.of("action",
                    "They are no longer a member here, so they cannot be muted or suspended. A ban still keeps them from coming back.");
            case DecideMemberReview.Outcome.OwnerNotBanned o -> FormErrors.of("action",
                    "They own this community, so they cannot be banned from it.");
            case DecideMemberReview.Outcome.NotWaiting n -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing was done: another moderator decided about that member first. "
                        + "Their decision stands; it is in the community's record.");
                yield null;
            }
            case DecideMemberReview.Outcome.ClaimedByAnother(var access, var moderator) -> {
                redirect.addFlashAttribute(Page.NOTICE, "Nothing was done: " + moderator + " is looking at that member. "
                        + "Leave it to them, or wait until their claim runs out.");
                yield null;
            }
        };
        if (errors == null) {
            return "redirect:/c/" + slug + "/review";
        }
        if (!errors.any()) {
            return ModerationPages.SECOND_FACTOR_FIRST;
        }
        Access access = reach.working(slug, viewer).orElseThrow(NotFound::new);
        return reviewPage(model, redirect, access, viewer, memberId, form, errors, true);
    }
}
