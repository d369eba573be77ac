package org.hearth.moderation;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.StaffNames;
import org.hearth.conversation.HiddenPosts;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator settles a post held for review (a new member's, where the community holds them):
 * lets it through, so everyone sees it, or removes it with a reason the member reads, on their
 * decisions page and by e-mail, and may appeal like any removal. Letting a post through is not
 * a decision against anyone and is not logged. Of two moderators at once, one settles it.
 */
@Service
public class DecideHeldPost {

    public record Input(String slug, Viewer moderator, String postId, boolean letThrough, String reason) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator decides");
        }
    }

    public sealed interface Outcome {
        record LetThrough(Access access) implements Outcome {
        }

        record Removed(Access access) implements Outcome {
        }

        /** No such community, or they do not work its queue. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** Not held (any more): another moderator settled it, or its author deleted it. */
        record NotWaiting(Access access) implements Outcome {
        }

        /** Removing needs a reason the member reads. */
        record ReasonMissing(Access access) implements Outcome {
        }

        record ReasonTooLong(Access access, int max) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final HiddenPosts posts;
    private final Flags flags;
    private final StaffNames staffNames;
    private final DecisionNotices notices;
    private final ApplicationEventPublisher events;

    DecideHeldPost(SiteStaffReach reach, HiddenPosts posts, Flags flags, StaffNames staffNames, DecisionNotices notices,
            ApplicationEventPublisher events) {
        this.reach = reach;
        this.posts = posts;
        this.flags = flags;
        this.staffNames = staffNames;
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
        if (!access.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (!input.letThrough() && reason.isEmpty()) {
            return new Outcome.ReasonMissing(access);
        }
        if (reason.length() > DecideReview.REASON_MAX) {
            return new Outcome.ReasonTooLong(access, DecideReview.REASON_MAX);
        }
        HiddenPosts.Post post = RandomId.looksValid(input.postId())
                ? posts.forModerators(access, List.of(input.postId())).get(input.postId()) : null;
        if (post == null || !posts.settleHeld(access.community().id(), post.id(), input.letThrough())) {
            return new Outcome.NotWaiting(access);
        }
        if (input.letThrough()) {
            return new Outcome.LetThrough(access);
        }
        String communityId = access.community().id();
        String moderatorId = input.moderator().memberId();
        String actionId = flags.record(communityId, ModerationAction.REMOVE, post.id(), post.authorId(), null, reason, moderatorId, null,
                false, access.siteStaff());
        if (!access.siteStaff()) {
            staffNames.of(communityId, moderatorId);
        }
        notices.tell(post.authorId());
        events.publishEvent(new ModerationActionTaken(actionId, communityId, ModerationAction.REMOVE, post.id(), post.authorId(), moderatorId));
        return new Outcome.Removed(access);
    }
}
