package org.hearth.moderation;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator takes a flagged post in the queue for themselves, so that two do not act on it at
 * once. A claim holds for {@link Flags#CLAIM_HOLDS}; after that another moderator may take it.
 */
@Service
public class ClaimReview {

    public record Input(String slug, Viewer moderator, String postId) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator claims");
        }
    }

    public sealed interface Outcome {
        record Claimed(Access access) implements Outcome {
        }

        /** No such community, or they do not moderate it: the queue is not theirs to see. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** Not in the queue: never flagged, or decided meanwhile. */
        record NotWaiting(Access access) implements Outcome {
        }

        /** Another moderator holds it; fellow moderators see each other's handles. */
        record ClaimedByAnother(Access access, String moderator) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final Flags flags;
    private final Members members;

    ClaimReview(SiteStaffReach reach, Flags flags, Members members) {
        this.reach = reach;
        this.flags = flags;
        this.members = members;
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
        String communityId = access.community().id();
        if (RandomId.looksValid(input.postId()) && flags.claim(communityId, input.postId(), input.moderator().memberId())) {
            return new Outcome.Claimed(access);
        }
        return whyNot(flags, members, access, input.postId(), input.moderator().memberId())
                .orElse(new Outcome.NotWaiting(access));
    }

    /** Why a claim did not take: someone else holds it, or it is not waiting. */
    static Optional<Outcome> whyNot(Flags flags, Members members, Access access, String postId, String moderatorId) {
        if (!RandomId.looksValid(postId)) {
            return Optional.empty();
        }
        return flags.review(access.community().id(), postId)
                .filter(r -> r.decidedAt() == null && r.claimedByAnother(moderatorId, flags.now()))
                .map(r -> new Outcome.ClaimedByAnother(access, members.handleOf(r.claimedBy()).orElse("another moderator")));
    }
}
