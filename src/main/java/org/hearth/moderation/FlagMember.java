package org.hearth.moderation;

import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.security.Viewer;
import org.hearth.trust.TrustLevels;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member flags another member of the community as a person, not one post: a pattern across
 * posts, a handle or picture that names someone, someone recruiting for a study. The member is
 * reached through one of their posts, so no one can flag (or probe) a member they have not read.
 * One flag per member flagged and community; not oneself; within the same daily limit as flags
 * on posts; weighted as those are. Words are needed: a post speaks for itself, a pattern does
 * not. A flag about a member hides nothing: it waits for a moderator, self-harm first.
 *
 * <p>The author of an anonymous post is not flagged through it (the answer "you already flagged
 * this member" would tell the flagger who wrote it): the post is flagged instead, and the
 * moderators see who wrote it.
 */
@Service
public class FlagMember {

    public static final int COMMENT_MAX = FlagPost.COMMENT_MAX;

    /** "Off topic" is said of a post, not of a person. */
    public static final Set<FlagReason> REASONS = EnumSet.complementOf(EnumSet.of(FlagReason.OFF_TOPIC));

    /** @param postId the post through which the flagger reached its author */
    public record Input(Access access, Viewer flagger, String postId, String reason, String comment) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(flagger, "only a signed-in member flags");
        }
    }

    public sealed interface Outcome {
        record Flagged(Location location) implements Outcome {
        }

        /** No such post where the flagger may read: told exactly like a post that does not exist. */
        record NotFound() implements Outcome {
        }

        record NotAMember(Location location) implements Outcome {
        }

        record Suspended(Location location, long until) implements Outcome {
        }

        record Yourself(Location location) implements Outcome {
        }

        /** The post is anonymous: flag the post, and the moderators see who wrote it. */
        record AnonymousAuthor(Location location) implements Outcome {
        }

        record AlreadyFlagged(Location location) implements Outcome {
        }

        record DailyLimitReached(Location location, int limit) implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record CommentNeeded() implements Outcome {
        }

        record CommentTooLong(int max) implements Outcome {
        }
    }

    private final HiddenPosts posts;
    private final Flags flags;
    private final MemberFlags memberFlags;
    private final TrustLevels trust;
    private final FlagPost flagPost;
    private final ApplicationEventPublisher events;

    FlagMember(HiddenPosts posts, Flags flags, MemberFlags memberFlags, TrustLevels trust, FlagPost flagPost,
            ApplicationEventPublisher events) {
        this.posts = posts;
        this.flags = flags;
        this.memberFlags = memberFlags;
        this.trust = trust;
        this.flagPost = flagPost;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<HiddenPosts.Post> found = posts.readable(input.access(), input.postId()).filter(p -> reachable(p, input.flagger()));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        HiddenPosts.Post post = found.get();
        Location location = post.location();
        FlagReason reason = FlagReason.parse(input.reason());
        String comment = input.comment() == null ? "" : input.comment().strip();
        String flaggerId = input.flagger().memberId();
        String communityId = input.access().community().id();
        if (!input.access().member()) {
            return new Outcome.NotAMember(location);
        }
        if (!input.access().canFlag()) {
            return new Outcome.Suspended(location, input.access().restriction().until());
        }
        if (flaggerId.equals(post.authorId())) {
            return new Outcome.Yourself(location);
        }
        if (post.anonymous()) {
            return new Outcome.AnonymousAuthor(location);
        }
        if (memberFlags.flagged(communityId, post.authorId(), flaggerId)) {
            return new Outcome.AlreadyFlagged(location);
        }
        if (flags.castToday(flaggerId) >= flagPost.dailyLimit()) {
            return new Outcome.DailyLimitReached(location, flagPost.dailyLimit());
        }
        if (reason == null || !REASONS.contains(reason)) {
            return new Outcome.ReasonMissing();
        }
        if (comment.isEmpty()) {
            return new Outcome.CommentNeeded();
        }
        if (comment.length() > COMMENT_MAX) {
            return new Outcome.CommentTooLong(COMMENT_MAX);
        }
        int[] judged = flags.judged(flaggerId);
        int level = input.access().canModerate() ? FlagWeights.MODERATOR_LEVEL : trust.of(communityId, flaggerId).number();
        if (!memberFlags.add(communityId, post.authorId(), flaggerId, post.id(), reason, comment,
                FlagWeights.of(level, judged[0], judged[1]))) {
            return new Outcome.AlreadyFlagged(location); // the same member's flag saved a moment ago
        }
        memberFlags.openReview(communityId, post.authorId(), reason.urgent());
        events.publishEvent(new MemberFlagged(communityId, post.authorId(), reason, reason.urgent()));
        return new Outcome.Flagged(location);
    }

    /**
     * A post the flagger sees with its author: not deleted, and not hidden from them (held, pending
     * review, hidden or removed by a moderator), where members see a line instead of who wrote it.
     * Otherwise "you already flagged this member" would tell them who wrote a hidden post.
     */
    public static boolean reachable(HiddenPosts.Post post, Viewer flagger) {
        return !post.deleted() && (post.hidden() == null || flagger.memberId().equals(post.authorId()));
    }
}
