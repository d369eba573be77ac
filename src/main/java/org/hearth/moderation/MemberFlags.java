package org.hearth.moderation;

import static org.hearth.moderation.schema.Tables.MEMBER_FLAGS;
import static org.hearth.moderation.schema.Tables.MEMBER_REVIEWS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.countDistinct;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.moderation.schema.tables.records.MemberReviewsRecord;
import org.hearth.platform.RandomId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Flags about members as people, and their rows in the review queue: the steps of
 * {@link FlagMember} and {@link DecideMemberReview}, each run in the caller's transaction. Claims
 * and decisions hold as they do for posts ({@link Flags#CLAIM_HOLDS}, the update is the check).
 */
@Component
class MemberFlags {

    private final DSLContext db;
    private final Flags flags;

    MemberFlags(DSLContext db, Flags flags) {
        this.db = db;
        this.flags = flags;
    }

    /** Saves a flag; false when this member already flagged that member here (also at the same moment). */
    boolean add(String communityId, String memberId, String flaggerId, String postId, FlagReason reason, String comment, int weight) {
        return db.insertInto(MEMBER_FLAGS).set(MEMBER_FLAGS.ID, RandomId.next()).set(MEMBER_FLAGS.COMMUNITY_ID, communityId)
                .set(MEMBER_FLAGS.MEMBER_ID, memberId).set(MEMBER_FLAGS.FLAGGER_ID, flaggerId).set(MEMBER_FLAGS.POST_ID, postId)
                .set(MEMBER_FLAGS.REASON, reason.name()).set(MEMBER_FLAGS.COMMENT, comment).set(MEMBER_FLAGS.WEIGHT, weight)
                .set(MEMBER_FLAGS.FLAGGED_AT, flags.now())
                .onConflictDoNothing().execute() == 1;
    }

    boolean flagged(String communityId, String memberId, String flaggerId) {
        return db.fetchExists(MEMBER_FLAGS, MEMBER_FLAGS.COMMUNITY_ID.eq(communityId), MEMBER_FLAGS.MEMBER_ID.eq(memberId),
                MEMBER_FLAGS.FLAGGER_ID.eq(flaggerId));
    }

    /** One flag about a member as moderators read it; {@code postId}: where the flagger started from, or null. */
    record PendingFlag(String memberId, String flaggerId, String postId, FlagReason reason, String comment, int weight, long flaggedAt) {
    }

    /** The waiting flags about these members in the community, oldest first. */
    List<PendingFlag> pending(String communityId, Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return List.of();
        }
        return db.select(MEMBER_FLAGS.MEMBER_ID, MEMBER_FLAGS.FLAGGER_ID, MEMBER_FLAGS.POST_ID, MEMBER_FLAGS.REASON, MEMBER_FLAGS.COMMENT,
                        MEMBER_FLAGS.WEIGHT, MEMBER_FLAGS.FLAGGED_AT)
                .from(MEMBER_FLAGS)
                .where(MEMBER_FLAGS.COMMUNITY_ID.eq(communityId), MEMBER_FLAGS.MEMBER_ID.in(memberIds), MEMBER_FLAGS.JUDGED.isNull())
                .orderBy(MEMBER_FLAGS.FLAGGED_AT, MEMBER_FLAGS.ID)
                .fetch(r -> new PendingFlag(r.value1(), r.value2(), r.value3(), FlagReason.valueOf(r.value4()), r.value5(), r.value6(),
                        r.value7()));
    }

    /**
     * Judges the waiting flags about the member here, recording the decision that did: an upheld
     * appeal of it turns down exactly these. Self-harm flags are always upheld, as on posts.
     */
    void judge(String communityId, String memberId, boolean upheld, String actionId) {
        Condition waiting = MEMBER_FLAGS.COMMUNITY_ID.eq(communityId).and(MEMBER_FLAGS.MEMBER_ID.eq(memberId))
                .and(MEMBER_FLAGS.JUDGED.isNull());
        long now = flags.now();
        db.update(MEMBER_FLAGS).set(MEMBER_FLAGS.JUDGED, upheld ? Flags.UPHELD : Flags.REJECTED).set(MEMBER_FLAGS.JUDGED_AT, now)
                .set(MEMBER_FLAGS.ACTION_ID, actionId)
                .where(waiting, MEMBER_FLAGS.REASON.ne(FlagReason.SELF_HARM.name())).execute();
        db.update(MEMBER_FLAGS).set(MEMBER_FLAGS.JUDGED, Flags.UPHELD).set(MEMBER_FLAGS.JUDGED_AT, now).set(MEMBER_FLAGS.ACTION_ID, actionId)
                .where(waiting).execute();
    }

    /** An upheld appeal undid the decision: the flags it upheld count as turned down (self-harm flags stay upheld). */
    void unjudge(String actionId) {
        db.update(MEMBER_FLAGS).set(MEMBER_FLAGS.JUDGED, Flags.REJECTED).set(MEMBER_FLAGS.JUDGED_AT, flags.now())
                .where(MEMBER_FLAGS.ACTION_ID.eq(actionId), MEMBER_FLAGS.JUDGED.eq(Flags.UPHELD),
                        MEMBER_FLAGS.REASON.ne(FlagReason.SELF_HARM.name()))
                .execute();
    }

    /** Whether a waiting flag about the member is for a privacy breach or a self-harm risk: the log then keeps the reason from members. */
    boolean sensitive(String communityId, String memberId) {
        return db.fetchExists(MEMBER_FLAGS, MEMBER_FLAGS.COMMUNITY_ID.eq(communityId), MEMBER_FLAGS.MEMBER_ID.eq(memberId),
                MEMBER_FLAGS.JUDGED.isNull(), MEMBER_FLAGS.REASON.in(FlagReason.PRIVACY.name(), FlagReason.SELF_HARM.name()));
    }

    /** Decisions here upholding flags about the member since a time (self-harm flags left out), for trust. */
    int upheldAgainst(String communityId, String memberId, long since) {
        return db.fetchValue(db.select(countDistinct(MEMBER_FLAGS.ACTION_ID)).from(MEMBER_FLAGS)
                .where(MEMBER_FLAGS.COMMUNITY_ID.eq(communityId), MEMBER_FLAGS.MEMBER_ID.eq(memberId), MEMBER_FLAGS.JUDGED.eq(Flags.UPHELD),
                        MEMBER_FLAGS.REASON.ne(FlagReason.SELF_HARM.name()), MEMBER_FLAGS.JUDGED_AT.ge(since)));
    }

    // ---- the queue -------------------------------------------------------------------------

    /** Puts the member in the community's queue, or opens their row again after an earlier decision. */
    void openReview(String communityId, String memberId, boolean urgent) {
        long now = flags.now();
        int opened = db.insertInto(MEMBER_REVIEWS).set(MEMBER_REVIEWS.COMMUNITY_ID, communityId).set(MEMBER_REVIEWS.MEMBER_ID, memberId)
                .set(MEMBER_REVIEWS.URGENT, urgent).set(MEMBER_REVIEWS.OPENED_AT, now).onConflictDoNothing().execute();
        if (opened == 0) {
            db.update(MEMBER_REVIEWS).set(MEMBER_REVIEWS.OPENED_AT, now).set(MEMBER_REVIEWS.URGENT, urgent)
                    .setNull(MEMBER_REVIEWS.DECIDED_AT).setNull(MEMBER_REVIEWS.DECIDED_BY)
                    .setNull(MEMBER_REVIEWS.CLAIMED_BY).setNull(MEMBER_REVIEWS.CLAIMED_AT)
                    .where(row(communityId, memberId), MEMBER_REVIEWS.DECIDED_AT.isNotNull()).execute();
            if (urgent) {
                db.update(MEMBER_REVIEWS).set(MEMBER_REVIEWS.URGENT, true).where(row(communityId, memberId)).execute();
            }
        }
    }

    /** The members waiting in a community's queue, urgent first, then oldest first. */
    List<Flags.Review> openReviews(String communityId) {
        return db.selectFrom(MEMBER_REVIEWS).where(MEMBER_REVIEWS.COMMUNITY_ID.eq(communityId), MEMBER_REVIEWS.DECIDED_AT.isNull())
                .orderBy(MEMBER_REVIEWS.URGENT.desc(), MEMBER_REVIEWS.OPENED_AT).limit(200)
                .fetch(MemberFlags::review);
    }

    Optional<Flags.Review> review(String communityId, String memberId) {
        return db.selectFrom(MEMBER_REVIEWS).where(row(communityId, memberId)).fetchOptional(MemberFlags::review);
    }

    int waiting(String communityId) {
        return db.fetchCount(MEMBER_REVIEWS, MEMBER_REVIEWS.COMMUNITY_ID.eq(communityId), MEMBER_REVIEWS.DECIDED_AT.isNull());
    }

    /** How many flagged members wait in each community's queue, for communities where any wait. */
    Map<String, Integer> waitingEverywhere() {
        return db.select(MEMBER_REVIEWS.COMMUNITY_ID, count()).from(MEMBER_REVIEWS).where(MEMBER_REVIEWS.DECIDED_AT.isNull())
                .groupBy(MEMBER_REVIEWS.COMMUNITY_ID).fetchMap(r -> r.value1(), r -> r.value2());
    }

    /** Claims the member's row for this moderator, unless decided or held by another's claim; the update is the check. */
    boolean claim(String communityId, String memberId, String moderatorId) {
        long now = flags.now();
        return db.update(MEMBER_REVIEWS).set(MEMBER_REVIEWS.CLAIMED_BY, moderatorId).set(MEMBER_REVIEWS.CLAIMED_AT, now)
                .where(row(communityId, memberId), open(moderatorId, now)).execute() == 1;
    }

    /** Marks the row decided by this moderator, on the same conditions as a claim: of two deciding at once, one wins. */
    boolean decide(String communityId, String memberId, String moderatorId) {
        long now = flags.now();
        return db.update(MEMBER_REVIEWS).set(MEMBER_REVIEWS.DECIDED_BY, moderatorId).set(MEMBER_REVIEWS.DECIDED_AT, now)
                .where(row(communityId, memberId), open(moderatorId, now)).execute() == 1;
    }

    private static Condition row(String communityId, String memberId) {
        return MEMBER_REVIEWS.COMMUNITY_ID.eq(communityId).and(MEMBER_REVIEWS.MEMBER_ID.eq(memberId));
    }

    /** Not decided, and not held by another moderator's claim. */
    private static Condition open(String moderatorId, long now) {
        return MEMBER_REVIEWS.DECIDED_AT.isNull().and(MEMBER_REVIEWS.CLAIMED_BY.isNull().or(MEMBER_REVIEWS.CLAIMED_BY.eq(moderatorId))
                .or(MEMBER_REVIEWS.CLAIMED_AT.le(now - Flags.CLAIM_HOLDS.toMillis())));
    }

    private static Flags.Review review(MemberReviewsRecord r) {
        return new Flags.Review(r.getMemberId(), Boolean.TRUE.equals(r.getUrgent()), r.getOpenedAt(), r.getClaimedBy(), r.getClaimedAt(),
                r.getDecidedBy(), r.getDecidedAt());
    }
}
