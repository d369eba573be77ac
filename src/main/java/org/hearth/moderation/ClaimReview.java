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
 * A moderator takes a flagged post, or a flagged member, in the queue for themselves, so that
 * two do not act on it at once. A claim holds for {@link Flags#CLAIM_HOLDS}; after that another
 * moderator may take it.
 */
@Service
public class ClaimReview {

    /** Exactly one of {@code postId} (a flagged post) and {@code memberId} (a member flagged as a person). */
    public record Input(String slug, Viewer moderator, String postId, String memberId) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator claims");
            if ((postId == null) == (memberId == null)) {
                throw new IllegalArgumentException("a claim is for a post or for a member");
            }
        }

        public Input(String slug, Viewer moderator, String postId) {
            this(slug, moderator, postId, null);
        }

        public static Input ofMember(String slug, Viewer moderator, String memberId) {
            return new Input(slug, moderator, null, memberId);
        }

        String itemId() {
            return postId != null ? postId : memberId;
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

        /** The flags are about the moderator: another moderator claims and decides them. */
        record AboutYourself(Access access) implements Outcome {
        }

        /** Another moderator holds it; fellow moderators see each other's handles. */
        record ClaimedByAnother(Access access, String moderator) implements Outcome {
        }
    }

    private final SiteStaffReach reach;
    private final Flags flags;
    private final MemberFlags memberFlags;
    private final Members members;

    ClaimReview(SiteStaffReach reach, Flags flags, MemberFlags memberFlags, Members members) {
        this.reach = reach;
        this.flags = flags;
        this.memberFlags = memberFlags;
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
        String me = input.moderator().memberId();
        if (!RandomId.looksValid(input.itemId())) {
            return new Outcome.NotWaiting(access);
        }
        if (me.equals(input.memberId())) {
            return new Outcome.AboutYourself(access);
        }
        boolean claimed = input.postId() != null ? flags.claim(communityId, input.postId(), me)
                : memberFlags.claim(communityId, input.memberId(), me);
        if (claimed) {
            return new Outcome.Claimed(access);
        }
        Optional<Flags.Review> review = input.postId() != null ? flags.review(communityId, input.postId())
                : memberFlags.review(communityId, input.memberId());
        return heldByAnother(flags, members, access, review, me).map(Outcome.class::cast).orElse(new Outcome.NotWaiting(access));
    }

    /** Why a claim (or a decision) did not take: someone else holds the item; empty when it is simply not waiting. */
    static Optional<Outcome.ClaimedByAnother> heldByAnother(Flags flags, Members members, Access access, Optional<Flags.Review> review,
            String moderatorId) {
        return review.filter(r -> r.decidedAt() == null && r.claimedByAnother(moderatorId, flags.now()))
                .map(r -> new Outcome.ClaimedByAnother(access, members.handleOf(r.claimedBy()).orElse("another moderator")));
    }
}
