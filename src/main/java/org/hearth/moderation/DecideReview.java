package org.hearth.moderation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.StaffNames;
import org.hearth.community.Communities;
import org.hearth.community.MemberBans;
import org.hearth.community.Rules;
import org.hearth.community.MemberRestrictions;
import org.hearth.conversation.Hidden;
import org.hearth.conversation.HiddenPosts;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

/**
 * A moderator decides about a flagged post in the queue, with a written reason: keep it (the
 * flags were wrong: it is shown again), hide it, remove it, or warn, mute or suspend its author
 * (which also hides it). Of two moderators deciding at once, one wins and the other is told.
 * The decision is recorded in the actions log and the author is told on their decisions page and
 * by a discreet e-mail.
 */
@Service
public class DecideReview {

    public static final int REASON_MAX = 1000;
    public static final int DAYS_MAX = 365;
    public static final int TITLE_MAX = 200;

    /**
     * @param ruleNumber the community rule the decision is taken under, optional until rules exist
     * @param days how long a mute or suspension lasts
     * @param title the topic's new title, for {@link ModerationAction#EDIT_TITLE}
     * @param moveTo the address (slug) of the community to move the topic to, for {@link ModerationAction#MOVE_TOPIC}
     */
    public record Input(String slug, Viewer moderator, String postId, ModerationAction action, String reason, Integer ruleNumber,
            Integer days, String title, String moveTo) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator decides");
        }

        /** A decision that edits no title and moves no topic. */
        public Input(String slug, Viewer moderator, String postId, ModerationAction action, String reason, Integer ruleNumber,
                Integer days) {
            this(slug, moderator, postId, action, reason, ruleNumber, days, null, null);
        }
    }

    public sealed interface Outcome {
        record Decided(Access access, ModerationAction action) implements Outcome {
        }

        /** No such community, or they do not moderate it. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record ActionMissing(Access access) implements Outcome {
        }

        record ReasonMissing(Access access) implements Outcome {
        }

        record ReasonTooLong(Access access, int max) implements Outcome {
        }

        /** A mute or suspension needs a number of days, 1 to {@link #DAYS_MAX}. */
        record DaysNeeded(Access access, int max) implements Outcome {
        }

        /** Not waiting: another moderator decided it first, or it was never flagged. */
        record NotWaiting(Access access) implements Outcome {
        }

        record ClaimedByAnother(Access access, String moderator) implements Outcome {
        }

        /** The author is no longer a member here, so there is no membership to mute or suspend. */
        record AuthorNotAMember(Access access) implements Outcome {
        }

        /** It is the moderator's own post: another moderator decides about it. */
        record OwnPost(Access access) implements Outcome {
        }

        /** The rule number is not one of the community's rules now. */
        record NoSuchRule(Access access) implements Outcome {
        }

        /** Editing a title needs the new title, 1 to {@link #TITLE_MAX} characters. */
        record TitleNeeded(Access access, int max) implements Outcome {
        }

        /** Moving needs another community this moderator moderates. */
        record DestinationNeeded(Access access) implements Outcome {
        }

        /**
         * Only a public community's topics move: a topic written for a community's members would
         * be shown to people its writers did not write for.
         */
        record NotMovableFromHere(Access access) implements Outcome {
        }

        /** An owner is not banned: ownership is handed over first. */
        record OwnerNotBanned(Access access) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final Flags flags;
    private final HiddenPosts posts;
    private final MemberRestrictions restrictions;
    private final Members members;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    private final StaffNames staffNames;
    private final Communities communities;
    private final Rules rules;
    private final MemberBans bans;

    DecideReview(SiteStaffReach reach, Flags flags, HiddenPosts posts, MemberRestrictions restrictions, Members members,
            DecisionNotices notices, ApplicationEventPublisher events, StaffNames staffNames, Communities communities, Rules rules,
            MemberBans bans) {
        this.staffNames = staffNames;
        this.communities = communities;
        this.rules = rules;
        this.bans = bans;
        this.reach = reach;
        this.flags = flags;
        this.posts = posts;
        this.restrictions = restrictions;
        this.members = members;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = reach.workingPosts(input.slug(), input.moderator());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        String reason = input.reason() == null ? "" : input.reason().strip();
        return withSecondFactor(access)
                .or(() -> input.action() == null ? Optional.of(new Outcome.ActionMissing(access)) : Optional.empty())
                .or(() -> worded(access, input, reason))
                .or(() -> titled(access, input))
                .or(() -> movable(access, input))
                .or(() -> notTheirOwn(access, input))
                .or(() -> decidedHere(access, input))
                .orElseGet(() -> act(access, input, reason));
    }

    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    private Optional<Outcome> worded(Access access, Input input, String reason) {
        return DecisionWords.check(rules, access, reason, input.action(), input.days(), input.ruleNumber()).map(problem -> switch (problem) {
            case REASON_MISSING -> new Outcome.ReasonMissing(access);
            case REASON_TOO_LONG -> new Outcome.ReasonTooLong(access, REASON_MAX);
            case DAYS_NEEDED -> new Outcome.DaysNeeded(access, DAYS_MAX);
            case NO_SUCH_RULE -> new Outcome.NoSuchRule(access);
        });
    }

    private static Optional<Outcome> titled(Access access, Input input) {
        String title = input.title() == null ? "" : input.title().strip();
        boolean valid = input.action() != ModerationAction.EDIT_TITLE || !title.isEmpty() && title.length() <= TITLE_MAX;
        return valid ? Optional.empty() : Optional.of(new Outcome.TitleNeeded(access, TITLE_MAX));
    }

    private Optional<Outcome> movable(Access access, Input input) {
        if (input.action() != ModerationAction.MOVE_TOPIC) {
            return Optional.empty();
        }
        if (access.community().visibility() != org.hearth.community.Visibility.PUBLIC) {
            return Optional.of(new Outcome.NotMovableFromHere(access));
        }
        return destination(access, input).isPresent() ? Optional.empty() : Optional.of(new Outcome.DestinationNeeded(access));
    }

    /** Another community the moderator moderates (not as site staff), by its address. */
    private Optional<Access> destination(Access access, Input input) {
        if (input.moveTo() == null || input.moveTo().equals(access.community().slug())) {
            return Optional.empty();
        }
        return communities.visibleTo(input.moveTo(), input.moderator()).filter(Access::canModerate);
    }

    /** No one judges their own post: the flags on it are another moderator's to weigh. */
    private Optional<Outcome> notTheirOwn(Access access, Input input) {
        if (!RandomId.looksValid(input.postId())) {
            return Optional.empty();
        }
        HiddenPosts.Post post = posts.forModerators(access, java.util.List.of(input.postId())).get(input.postId());
        return post != null && input.moderator().memberId().equals(post.authorId())
                ? Optional.of(new Outcome.OwnPost(access)) : Optional.empty();
    }

    /** Marking it decided is the check: of two moderators deciding at once, one finds it decided. */
    private Optional<Outcome> decidedHere(Access access, Input input) {
        String me = input.moderator().memberId();
        if (RandomId.looksValid(input.postId()) && flags.decide(access.community().id(), input.postId(), me)) {
            return Optional.empty();
        }
        Optional<Flags.Review> review = RandomId.looksValid(input.postId()) ? flags.review(access.community().id(), input.postId())
                : Optional.empty();
        return ClaimReview.heldByAnother(flags, members, access, review, me)
                .map(o -> (Outcome) new Outcome.ClaimedByAnother(access, o.moderator()))
                .or(() -> Optional.of(new Outcome.NotWaiting(access)));
    }

    private Outcome act(Access access, Input input, String reason) {
        String communityId = access.community().id();
        HiddenPosts.Post post = posts.forModerators(access, java.util.List.of(input.postId())).get(input.postId());
        String authorId = post.authorId();
        ModerationAction action = input.action();
        Long until = action.timed() ? flags.now() + Duration.ofDays(input.days()).toMillis() : null;
        String detail = null;
        switch (action) {
            case KEEP -> posts.show(post.id());
            case REMOVE -> posts.hide(post.id(), Hidden.REMOVED_BY_MODERATOR);
            case LOCK_TOPIC -> posts.lockTopic(post.location().topicId());
            case EDIT_TITLE -> {
                detail = posts.retitle(communityId, post.location().topicId(), input.title().strip()).orElse(null);
                posts.show(post.id());
            }
            case MOVE_TOPIC -> {
                String to = destination(access, input).orElseThrow().community().id();
                posts.moveTopic(post.location().topicId(), communityId, to);
                posts.show(post.id());
                detail = communityId;
            }
            case BAN -> {
                if (!bans.ban(communityId, authorId)) {
                    TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                    return new Outcome.OwnerNotBanned(access);
                }
                posts.hide(post.id(), Hidden.BY_MODERATOR);
            }
            default -> posts.hide(post.id(), Hidden.BY_MODERATOR);
        }
        if (action.timed()) {
            var kind = action == ModerationAction.MUTE ? org.hearth.community.Access.Restriction.Kind.MUTED
                    : org.hearth.community.Access.Restriction.Kind.SUSPENDED;
            if (!restrictions.restrict(communityId, authorId, kind, until)) {
                TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
                return new Outcome.AuthorNotAMember(access);
            }
        }
        flags.judge(post.id(), action != ModerationAction.KEEP);
        String actionId = flags.record(communityId, action, post.id(), authorId, input.ruleNumber(), reason,
                input.moderator().memberId(), until, flags.sensitive(post.id()), access.siteStaff());
        if (detail != null) {
            flags.detail(actionId, detail);
        }
        if (!access.siteStaff()) {
            staffNames.of(communityId, input.moderator().memberId()); // the log names them so from now on
        }
        notices.tell(authorId);
        events.publishEvent(new ModerationActionTaken(actionId, communityId, action, post.id(), authorId, input.moderator().memberId()));
        return new Outcome.Decided(access, action);
    }
}
