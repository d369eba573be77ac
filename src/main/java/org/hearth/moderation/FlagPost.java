package org.hearth.moderation;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.Hidden;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.security.Viewer;
import org.hearth.trust.TrustLevels;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member flags a post (a topic through its opening post) for the community's moderators. One
 * flag per post and member, never on one's own post, a few a day. The flag adds to the post's
 * score; at the community's threshold, or at once when a moderator flags, the post is hidden
 * pending review. Self-harm flags never hide: the post goes to the top of the queue.
 */
@Service
public class FlagPost {

    public static final int COMMENT_MAX = 500;

    public record Input(Access access, Viewer flagger, String postId, String reason, String comment) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(flagger, "only a signed-in member flags");
        }
    }

    public sealed interface Outcome {
        /** Saved; {@code hidden}: the post is now hidden while moderators review it. */
        record Flagged(Location location, boolean hidden) implements Outcome {
        }

        /** No such post where the flagger may read: told exactly like a post that does not exist. */
        record NotFound() implements Outcome {
        }

        /** They may read (a public community) but are not a member. */
        record NotAMember(Location location) implements Outcome {
        }

        /** Suspended here: they may not flag until then. */
        record Suspended(Location location, long until) implements Outcome {
        }

        record OwnPost(Location location) implements Outcome {
        }

        record AlreadyFlagged(Location location) implements Outcome {
        }

        record DailyLimitReached(Location location, int limit) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        /** "Something else" says what. */
        record CommentNeeded() implements Outcome {
        }

        record CommentTooLong(int max) implements Outcome {
        }
    }

    private final HiddenPosts posts;
    private final Flags flags;
    private final HideThreshold threshold;
    private final ApplicationEventPublisher events;
    private final int dailyLimit;
    private final TrustLevels trust;

    FlagPost(HiddenPosts posts, Flags flags, HideThreshold threshold, ApplicationEventPublisher events,
            @Value("${hearth.flags.daily-limit:20}") int dailyLimit, TrustLevels trust) {
        this.trust = trust;
        this.posts = posts;
        this.flags = flags;
        this.threshold = threshold;
        this.events = events;
        this.dailyLimit = dailyLimit;
    }

    public int dailyLimit() {
        return dailyLimit;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<HiddenPosts.Post> found = posts.readable(input.access(), input.postId()).filter(p -> !p.deleted());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        HiddenPosts.Post post = found.get();
        FlagReason reason = FlagReason.parse(input.reason());
        String comment = input.comment() == null || input.comment().isBlank() ? null : input.comment().strip();
        return member(input.access(), post)
                .or(() -> notSuspended(input.access(), post))
                .or(() -> notOwn(post, input.flagger()))
                .or(() -> notYetFlagged(post, input.flagger()))
                .or(() -> withinDailyLimit(post, input.flagger()))
                .or(() -> described(reason, comment))
                .orElseGet(() -> flag(input, post, reason, comment));
    }

    private static Optional<Outcome> member(Access access, HiddenPosts.Post post) {
        return access.member() ? Optional.empty() : Optional.of(new Outcome.NotAMember(post.location()));
    }

    private static Optional<Outcome> notSuspended(Access access, HiddenPosts.Post post) {
        return access.canFlag() ? Optional.empty() : Optional.of(new Outcome.Suspended(post.location(), access.restriction().until()));
    }

    private static Optional<Outcome> notOwn(HiddenPosts.Post post, Viewer flagger) {
        return flagger.memberId().equals(post.authorId()) ? Optional.of(new Outcome.OwnPost(post.location())) : Optional.empty();
    }

    private Optional<Outcome> notYetFlagged(HiddenPosts.Post post, Viewer flagger) {
        return flags.flagged(post.id(), flagger.memberId()) ? Optional.of(new Outcome.AlreadyFlagged(post.location())) : Optional.empty();
    }

    private Optional<Outcome> withinDailyLimit(HiddenPosts.Post post, Viewer flagger) {
        return flags.castToday(flagger.memberId()) >= dailyLimit
                ? Optional.of(new Outcome.DailyLimitReached(post.location(), dailyLimit)) : Optional.empty();
    }

    private static Optional<Outcome> described(FlagReason reason, String comment) {
        if (reason == null) {
            return Optional.of(new Outcome.ReasonMissing());
        }
        if (reason.needsComment() && comment == null) {
            return Optional.of(new Outcome.CommentNeeded());
        }
        if (comment != null && comment.length() > COMMENT_MAX) {
            return Optional.of(new Outcome.CommentTooLong(COMMENT_MAX));
        }
        return Optional.empty();
    }

    private Outcome flag(Input input, HiddenPosts.Post post, FlagReason reason, String comment) {
        boolean moderator = input.access().canModerate();
        int[] judged = flags.judged(input.flagger().memberId());
        String communityId = input.access().community().id();
        int level = moderator ? FlagWeights.MODERATOR_LEVEL : trust.of(communityId, input.flagger().memberId()).number();
        int weight = FlagWeights.of(level, judged[0], judged[1]);
        if (!flags.add(communityId, post.id(), post.authorId(), input.flagger().memberId(), reason, comment, weight)) {
            return new Outcome.AlreadyFlagged(post.location()); // the same member's flag saved a moment ago
        }
        flags.openReview(communityId, post.id(), reason.urgent());
        boolean hides = reason.hides() && post.hidden() == null
                && (moderator || flags.hidingScore(post.id()) >= threshold.of(input.access().community()) * 100);
        boolean hidden = hides && posts.hide(post.id(), Hidden.PENDING_REVIEW);
        events.publishEvent(new PostFlagged(communityId, post.id(), reason, reason.urgent(), hidden));
        return new Outcome.Flagged(post.location(), hidden);
    }
}
