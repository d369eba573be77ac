package org.hearth.moderation;

import static org.hearth.moderation.schema.Tables.FLAGS;
import static org.hearth.moderation.schema.Tables.MEMBER_FLAGS;
import static org.hearth.moderation.schema.Tables.MODERATION_ACTIONS;
import static org.hearth.moderation.schema.Tables.REVIEWS;
import static org.jooq.impl.DSL.sum;
import static org.jooq.impl.DSL.when;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The flags, review rows and actions log of this feature: the steps its use cases are made of,
 * each run in the caller's transaction.
 */
@Component
class Flags {

    /** A claim older than this no longer holds the item: a moderator may have closed the page and gone. */
    static final Duration CLAIM_HOLDS = Duration.ofMinutes(30);

    static final String UPHELD = "UPHELD";
    static final String REJECTED = "REJECTED";
    /** A flag of possible misinformation answered with an evidence note: upheld, for the flagger's accuracy. */
    static final String ANSWERED = "ANSWERED";

    private final DSLContext db;
    private final Clock clock;

    Flags(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    // ---- flags -----------------------------------------------------------------------------

    /** Saves a flag; false when this member already flagged this post (also at the same moment). */
    boolean add(String communityId, String postId, String authorId, String flaggerId, FlagReason reason, String comment, int weight) {
        return db.insertInto(FLAGS).set(FLAGS.ID, RandomId.next()).set(FLAGS.COMMUNITY_ID, communityId).set(FLAGS.POST_ID, postId)
                .set(FLAGS.AUTHOR_ID, authorId).set(FLAGS.FLAGGER_ID, flaggerId).set(FLAGS.REASON, reason.name()).set(FLAGS.COMMENT, comment)
                .set(FLAGS.WEIGHT, weight).set(FLAGS.FLAGGED_AT, now())
                .onConflictDoNothing().execute() == 1;
    }

    boolean flagged(String postId, String flaggerId) {
        return db.fetchExists(FLAGS, FLAGS.POST_ID.eq(postId), FLAGS.FLAGGER_ID.eq(flaggerId));
    }

    /** Flags this member cast in the last day, everywhere: on posts and about members. */
    int castToday(String flaggerId) {
        long since = now() - Duration.ofDays(1).toMillis();
        return db.fetchCount(FLAGS, FLAGS.FLAGGER_ID.eq(flaggerId), FLAGS.FLAGGED_AT.gt(since))
                + db.fetchCount(MEMBER_FLAGS, MEMBER_FLAGS.FLAGGER_ID.eq(flaggerId), MEMBER_FLAGS.FLAGGED_AT.gt(since));
    }

    /** How many of this member's flags (on posts and about members) were upheld and how many turned down: {upheld, rejected}. */
    int[] judged(String flaggerId) {
        var onPosts = db.select(FLAGS.JUDGED.as("judged")).from(FLAGS).where(FLAGS.FLAGGER_ID.eq(flaggerId), FLAGS.JUDGED.isNotNull());
        var aboutMembers = db.select(MEMBER_FLAGS.JUDGED).from(MEMBER_FLAGS)
                .where(MEMBER_FLAGS.FLAGGER_ID.eq(flaggerId), MEMBER_FLAGS.JUDGED.isNotNull());
        var all = onPosts.unionAll(aboutMembers).asTable("judged_flags");
        var judged = all.field("judged", String.class);
        var r = db.select(sum(when(judged.in(UPHELD, ANSWERED), 1).else_(0)), sum(when(judged.eq(REJECTED), 1).else_(0))).from(all).fetchOne();
        return new int[] {r.value1() == null ? 0 : r.value1().intValue(), r.value2() == null ? 0 : r.value2().intValue()};
    }

    /**
     * How many of a member's posts in a community had flags upheld since a time (self-harm flags
     * left out: they say nothing against the writer). What trust asks as "no upheld flags".
     */
    int upheldAgainst(String communityId, String authorId, long since) {
        return db.fetchValue(db.select(org.jooq.impl.DSL.countDistinct(FLAGS.POST_ID)).from(FLAGS)
                .where(FLAGS.COMMUNITY_ID.eq(communityId), FLAGS.AUTHOR_ID.eq(authorId), FLAGS.JUDGED.eq(UPHELD),
                        FLAGS.REASON.ne(FlagReason.SELF_HARM.name()), FLAGS.JUDGED_AT.ge(since)));
    }

    /** The score, in hundredths, of the post's flags waiting for review whose reasons may hide it. */
    int hidingScore(String postId) {
        var reasons = java.util.Arrays.stream(FlagReason.values()).filter(FlagReason::hides).map(Enum::name).toList();
        Number score = db.select(sum(FLAGS.WEIGHT)).from(FLAGS)
                .where(FLAGS.POST_ID.eq(postId), FLAGS.JUDGED.isNull(), FLAGS.REASON.in(reasons)).fetchOne().value1();
        return score == null ? 0 : score.intValue();
    }

    /** One flag as moderators read it in the queue. */
    record PendingFlag(String postId, String flaggerId, FlagReason reason, String comment, int weight, long flaggedAt) {
    }

    List<PendingFlag> pending(Collection<String> postIds) {
        return db.select(FLAGS.POST_ID, FLAGS.FLAGGER_ID, FLAGS.REASON, FLAGS.COMMENT, FLAGS.WEIGHT, FLAGS.FLAGGED_AT).from(FLAGS)
                .where(FLAGS.POST_ID.in(postIds), FLAGS.JUDGED.isNull()).orderBy(FLAGS.FLAGGED_AT)
                .fetch(r -> new PendingFlag(r.value1(), r.value2(), FlagReason.valueOf(r.value3()), r.value4(), r.value5(), r.value6()));
    }

    // ---- flags of possible misinformation ---------------------------------------------------

    /** A post's waiting flags of possible misinformation, as the clinical review reads them: how many, their comments, since when. */
    record Misinformation(String postId, int flags, List<String> comments, long firstFlaggedAt) {
    }

    /** The community's posts with flags of possible misinformation waiting, oldest first. */
    List<Misinformation> misinformation(String communityId) {
        java.util.Map<String, List<org.jooq.Record3<String, String, Long>>> byPost = new java.util.LinkedHashMap<>();
        db.select(FLAGS.POST_ID, FLAGS.COMMENT, FLAGS.FLAGGED_AT).from(FLAGS)
                .where(FLAGS.COMMUNITY_ID.eq(communityId), FLAGS.REASON.eq(FlagReason.MISINFORMATION.name()), FLAGS.JUDGED.isNull())
                .orderBy(FLAGS.FLAGGED_AT).limit(500)
                .forEach(r -> byPost.computeIfAbsent(r.value1(), id -> new java.util.ArrayList<>()).add(r));
        return byPost.entrySet().stream().map(e -> new Misinformation(e.getKey(), e.getValue().size(),
                e.getValue().stream().map(org.jooq.Record3::value2).filter(java.util.Objects::nonNull).toList(), e.getValue().get(0).value3()))
                .toList();
    }

    /** Settles the post's waiting flags of possible misinformation; the ids of their flaggers (none: someone settled them first). */
    List<String> settleMisinformation(String postId, String judged) {
        var condition = FLAGS.POST_ID.eq(postId).and(FLAGS.REASON.eq(FlagReason.MISINFORMATION.name())).and(FLAGS.JUDGED.isNull());
        List<String> flaggers = db.select(FLAGS.FLAGGER_ID).from(FLAGS).where(condition).fetch(FLAGS.FLAGGER_ID);
        int settled = db.update(FLAGS).set(FLAGS.JUDGED, judged).set(FLAGS.JUDGED_AT, now()).where(condition).execute();
        return settled == 0 ? List.of() : flaggers;
    }

    /** Closes the post's review when no flag on it waits any more: what was flagged is settled. */
    void closeReviewIfSettled(String communityId, String postId, String deciderId) {
        db.update(REVIEWS).set(REVIEWS.DECIDED_BY, deciderId).set(REVIEWS.DECIDED_AT, now())
                .where(REVIEWS.POST_ID.eq(postId), REVIEWS.COMMUNITY_ID.eq(communityId), REVIEWS.DECIDED_AT.isNull(),
                        org.jooq.impl.DSL.notExists(org.jooq.impl.DSL.selectOne().from(FLAGS).where(FLAGS.POST_ID.eq(postId), FLAGS.JUDGED.isNull())))
                .execute();
    }

    /** Marks an action as taken by a clinical advisor, whom the log names as one. */
    void byAdvisor(String actionId) {
        db.update(MODERATION_ACTIONS).set(MODERATION_ACTIONS.BY_ADVISOR, true).where(MODERATION_ACTIONS.ID.eq(actionId)).execute();
    }

    /** One of a member's flags on posts, as they read it on their page of flags: never whose post. */
    record Raised(String communityId, FlagReason reason, long flaggedAt, String judged, Long judgedAt, String answer) {
    }

    /** The flags this member raised on posts, newest first, with the reason of a misinformation review's answer. */
    List<Raised> raisedBy(String flaggerId) {
        var answer = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(MODERATION_ACTIONS.REASON).from(MODERATION_ACTIONS)
                .where(MODERATION_ACTIONS.POST_ID.eq(FLAGS.POST_ID),
                        MODERATION_ACTIONS.ACTION.in(ModerationAction.NOTE_ANSWERED.name(), ModerationAction.MISINFO_TURNED_DOWN.name()),
                        MODERATION_ACTIONS.SENSITIVE.isFalse())
                .orderBy(MODERATION_ACTIONS.ACTED_AT.desc()).limit(1));
        return db.select(FLAGS.COMMUNITY_ID, FLAGS.REASON, FLAGS.FLAGGED_AT, FLAGS.JUDGED, FLAGS.JUDGED_AT,
                        when(FLAGS.REASON.eq(FlagReason.MISINFORMATION.name()).and(FLAGS.JUDGED.isNotNull()), answer))
                .from(FLAGS).where(FLAGS.FLAGGER_ID.eq(flaggerId)).orderBy(FLAGS.FLAGGED_AT.desc()).limit(200)
                .fetch(r -> new Raised(r.value1(), FlagReason.valueOf(r.value2()), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /**
     * Judges the post's waiting flags. Self-harm flags are always upheld: worrying about someone
     * is never held against the one who worried.
     */
    void judge(String postId, boolean upheld) {
        db.update(FLAGS).set(FLAGS.JUDGED, upheld ? UPHELD : REJECTED).set(FLAGS.JUDGED_AT, now())
                .where(FLAGS.POST_ID.eq(postId), FLAGS.JUDGED.isNull(), FLAGS.REASON.ne(FlagReason.SELF_HARM.name())).execute();
        db.update(FLAGS).set(FLAGS.JUDGED, UPHELD).set(FLAGS.JUDGED_AT, now())
                .where(FLAGS.POST_ID.eq(postId), FLAGS.JUDGED.isNull()).execute();
    }

    /**
     * An upheld appeal found the post was not against the rules: the flags upheld on it count as
     * rejected from now on, for their casters' accuracy and the author's trust. Self-harm flags
     * stay upheld, as they always are.
     */
    void unjudge(String postId) {
        db.update(FLAGS).set(FLAGS.JUDGED, REJECTED).set(FLAGS.JUDGED_AT, now())
                .where(FLAGS.POST_ID.eq(postId), FLAGS.JUDGED.eq(UPHELD), FLAGS.REASON.ne(FlagReason.SELF_HARM.name())).execute();
    }

    // ---- reviews ---------------------------------------------------------------------------

    /** Puts the post in its community's queue, or opens it again there after an earlier decision. */
    void openReview(String communityId, String postId, boolean urgent) {
        int opened = db.insertInto(REVIEWS).set(REVIEWS.POST_ID, postId).set(REVIEWS.COMMUNITY_ID, communityId)
                .set(REVIEWS.URGENT, urgent).set(REVIEWS.OPENED_AT, now()).onConflictDoNothing().execute();
        if (opened == 0) {
            db.update(REVIEWS).set(REVIEWS.OPENED_AT, now()).set(REVIEWS.URGENT, urgent)
                    .setNull(REVIEWS.DECIDED_AT).setNull(REVIEWS.DECIDED_BY).setNull(REVIEWS.CLAIMED_BY).setNull(REVIEWS.CLAIMED_AT)
                    .where(REVIEWS.POST_ID.eq(postId), REVIEWS.DECIDED_AT.isNotNull()).execute();
            if (urgent) {
                db.update(REVIEWS).set(REVIEWS.URGENT, true).where(REVIEWS.POST_ID.eq(postId)).execute();
            }
        }
    }

    /**
     * An item in the queue (a post, or a member flagged as a person, by id): whether it is urgent,
     * when it came, who claimed it and until when the claim holds.
     */
    record Review(String itemId, boolean urgent, long openedAt, String claimedBy, Long claimedAt, String decidedBy, Long decidedAt) {

        boolean claimedByAnother(String moderatorId, long now) {
            return claimedBy != null && !claimedBy.equals(moderatorId) && claimedAt != null
                    && claimedAt > now - CLAIM_HOLDS.toMillis();
        }
    }

    /** The open reviews of a community, urgent first, then oldest first. */
    List<Review> openReviews(String communityId) {
        return db.selectFrom(REVIEWS).where(REVIEWS.COMMUNITY_ID.eq(communityId), REVIEWS.DECIDED_AT.isNull())
                .orderBy(REVIEWS.URGENT.desc(), REVIEWS.OPENED_AT).limit(200)
                .fetch(Flags::review);
    }

    Optional<Review> review(String communityId, String postId) {
        return db.selectFrom(REVIEWS).where(REVIEWS.POST_ID.eq(postId), REVIEWS.COMMUNITY_ID.eq(communityId)).fetchOptional(Flags::review);
    }

    /** How many flagged posts wait in each community's queue, for communities where any wait. */
    java.util.Map<String, Integer> waitingEverywhere() {
        return db.select(REVIEWS.COMMUNITY_ID, org.jooq.impl.DSL.count()).from(REVIEWS).where(REVIEWS.DECIDED_AT.isNull())
                .groupBy(REVIEWS.COMMUNITY_ID).fetchMap(r -> r.value1(), r -> r.value2());
    }

    int waiting(String communityId) {
        return db.fetchCount(REVIEWS, REVIEWS.COMMUNITY_ID.eq(communityId), REVIEWS.DECIDED_AT.isNull());
    }

    /**
     * Claims an open item for this moderator: only if it is not decided and no other
     * moderator's claim holds. The update is the check, so of two claiming at once one wins.
     */
    boolean claim(String communityId, String postId, String moderatorId) {
        long now = now();
        return db.update(REVIEWS).set(REVIEWS.CLAIMED_BY, moderatorId).set(REVIEWS.CLAIMED_AT, now)
                .where(REVIEWS.POST_ID.eq(postId), REVIEWS.COMMUNITY_ID.eq(communityId), REVIEWS.DECIDED_AT.isNull(),
                        REVIEWS.CLAIMED_BY.isNull().or(REVIEWS.CLAIMED_BY.eq(moderatorId))
                                .or(REVIEWS.CLAIMED_AT.le(now - CLAIM_HOLDS.toMillis())))
                .execute() == 1;
    }

    /**
     * Marks the item decided by this moderator, with the same conditions as a claim. The update
     * is the check: of two moderators deciding at once, the second finds it decided (on
     * PostgreSQL it waits for the first's transaction and then matches no row; SQLite writes one
     * transaction at a time).
     */
    boolean decide(String communityId, String postId, String moderatorId) {
        long now = now();
        return db.update(REVIEWS).set(REVIEWS.DECIDED_BY, moderatorId).set(REVIEWS.DECIDED_AT, now)
                .where(REVIEWS.POST_ID.eq(postId), REVIEWS.COMMUNITY_ID.eq(communityId), REVIEWS.DECIDED_AT.isNull(),
                        REVIEWS.CLAIMED_BY.isNull().or(REVIEWS.CLAIMED_BY.eq(moderatorId))
                                .or(REVIEWS.CLAIMED_AT.le(now - CLAIM_HOLDS.toMillis())))
                .execute() == 1;
    }

    // ---- the actions log -------------------------------------------------------------------

    /** Whether anyone flagged the post for a privacy breach or a risk of self-harm. */
    boolean sensitive(String postId) {
        return postId != null && db.fetchExists(FLAGS, FLAGS.POST_ID.eq(postId),
                FLAGS.REASON.in(FlagReason.PRIVACY.name(), FlagReason.SELF_HARM.name()));
    }

    /** Records an action whose written reason the log keeps from members when {@code sensitive}. */
    String record(String communityId, ModerationAction action, String postId, String memberId, Integer ruleNumber,
            String reason, String moderatorId, Long until, boolean sensitive) {
        return record(communityId, action, postId, memberId, ruleNumber, reason, moderatorId, until, sensitive, false);
    }

    /**
     * Records an action; returns its id. {@code sensitive}: the log keeps its written reason from
     * members (see {@link #sensitive}); {@code bySiteStaff}: a site administrator acted, not one of
     * the community's moderators.
     */
    String record(String communityId, ModerationAction action, String postId, String memberId, Integer ruleNumber,
            String reason, String moderatorId, Long until, boolean sensitive, boolean bySiteStaff) {
        String id = RandomId.next();
        db.insertInto(MODERATION_ACTIONS).set(MODERATION_ACTIONS.ID, id).set(MODERATION_ACTIONS.COMMUNITY_ID, communityId)
                .set(MODERATION_ACTIONS.ACTION, action.name()).set(MODERATION_ACTIONS.POST_ID, postId)
                .set(MODERATION_ACTIONS.MEMBER_ID, memberId).set(MODERATION_ACTIONS.RULE_NUMBER, ruleNumber)
                .set(MODERATION_ACTIONS.REASON, reason).set(MODERATION_ACTIONS.MODERATOR_ID, moderatorId)
                .set(MODERATION_ACTIONS.UNTIL_AT, until).set(MODERATION_ACTIONS.ACTED_AT, now())
                .set(MODERATION_ACTIONS.SENSITIVE, sensitive).set(MODERATION_ACTIONS.BY_SITE_STAFF, bySiteStaff).execute();
        return id;
    }

    /** Keeps what an upheld appeal would need to put back (a former title, the community a topic left). */
    void detail(String actionId, String detail) {
        db.update(MODERATION_ACTIONS).set(MODERATION_ACTIONS.DETAIL, detail).where(MODERATION_ACTIONS.ID.eq(actionId)).execute();
    }

    /** A decision about a member, as they read it: what, where, why, when; never who flagged. */
    record Decision(String id, String communityId, ModerationAction action, String postId, Integer ruleNumber, String reason, Long until,
            long actedAt, Long undoneAt) {
    }

    List<Decision> about(String memberId) {
        return db.select(MODERATION_ACTIONS.ID, MODERATION_ACTIONS.COMMUNITY_ID, MODERATION_ACTIONS.ACTION, MODERATION_ACTIONS.POST_ID,
                        MODERATION_ACTIONS.RULE_NUMBER, MODERATION_ACTIONS.REASON, MODERATION_ACTIONS.UNTIL_AT, MODERATION_ACTIONS.ACTED_AT,
                        MODERATION_ACTIONS.UNDONE_AT)
                .from(MODERATION_ACTIONS).where(MODERATION_ACTIONS.MEMBER_ID.eq(memberId))
                .orderBy(MODERATION_ACTIONS.ACTED_AT.desc(), MODERATION_ACTIONS.ID)
                .fetch(r -> new Decision(r.value1(), r.value2(), ModerationAction.valueOf(r.value3()), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9()));
    }

    /** One entry of a community's moderation log, as stored. */
    record Logged(String id, ModerationAction action, String postId, String memberId, Integer ruleNumber, String reason,
            String moderatorId, Long until, long actedAt, boolean sensitive, boolean bySiteStaff, Long undoneAt, boolean byAdvisor) {
    }

    /** A page of the community's actions, newest first. */
    List<Logged> log(String communityId, int offset, int limit) {
        return db.select(MODERATION_ACTIONS.ID, MODERATION_ACTIONS.ACTION, MODERATION_ACTIONS.POST_ID, MODERATION_ACTIONS.MEMBER_ID,
                        MODERATION_ACTIONS.RULE_NUMBER, MODERATION_ACTIONS.REASON, MODERATION_ACTIONS.MODERATOR_ID,
                        MODERATION_ACTIONS.UNTIL_AT, MODERATION_ACTIONS.ACTED_AT, MODERATION_ACTIONS.SENSITIVE,
                        MODERATION_ACTIONS.BY_SITE_STAFF, MODERATION_ACTIONS.UNDONE_AT, MODERATION_ACTIONS.BY_ADVISOR)
                .from(MODERATION_ACTIONS).where(MODERATION_ACTIONS.COMMUNITY_ID.eq(communityId))
                .orderBy(MODERATION_ACTIONS.ACTED_AT.desc(), MODERATION_ACTIONS.ID)
                .limit(limit).offset(offset)
                .fetch(r -> new Logged(r.value1(), ModerationAction.valueOf(r.value2()), r.value3(), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8(), r.value9(), Boolean.TRUE.equals(r.value10()),
                        Boolean.TRUE.equals(r.value11()), r.value12(), Boolean.TRUE.equals(r.value13())));
    }

    int logSize(String communityId) {
        return db.fetchCount(MODERATION_ACTIONS, MODERATION_ACTIONS.COMMUNITY_ID.eq(communityId));
    }

    private static Review review(org.hearth.moderation.schema.tables.records.ReviewsRecord r) {
        return new Review(r.getPostId(), Boolean.TRUE.equals(r.getUrgent()), r.getOpenedAt(), r.getClaimedBy(), r.getClaimedAt(),
                r.getDecidedBy(), r.getDecidedAt());
    }
}
