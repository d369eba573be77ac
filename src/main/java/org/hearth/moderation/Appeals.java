package org.hearth.moderation;

import static org.hearth.moderation.schema.Tables.APPEALS;
import static org.hearth.moderation.schema.Tables.MODERATION_ACTIONS;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.moderation.schema.tables.records.AppealsRecord;
import org.hearth.moderation.schema.tables.records.ModerationActionsRecord;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The appeals table and what an appeal reads of the actions log: the steps the appeal use cases
 * are made of, each run in the caller's transaction.
 */
@Component
class Appeals {

    private final DSLContext db;
    private final Clock clock;

    Appeals(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    /** An action of the log as an appeal needs it. */
    record Action(String id, String communityId, ModerationAction action, String postId, String memberId, Integer ruleNumber,
            String reason, String moderatorId, Long until, long actedAt, boolean sensitive, Long undoneAt, String detail) {
    }

    /** One member's appeal. {@code memberId} and {@code words} are null once they erased their account. */
    record Appeal(String id, String actionId, String communityId, String memberId, String words, long appealedAt, String decidedBy,
            Long decidedAt, Boolean upheld, String decisionId) {

        boolean waiting() {
            return decidedAt == null;
        }
    }

    Optional<Action> action(String actionId) {
        if (!RandomId.looksValid(actionId)) {
            return Optional.empty();
        }
        return db.selectFrom(MODERATION_ACTIONS).where(MODERATION_ACTIONS.ID.eq(actionId)).fetchOptional(Appeals::action);
    }

    Map<String, Action> actions(Collection<String> actionIds) {
        Map<String, Action> found = new HashMap<>();
        if (!actionIds.isEmpty()) {
            db.selectFrom(MODERATION_ACTIONS).where(MODERATION_ACTIONS.ID.in(actionIds)).forEach(r -> found.put(r.getId(), action(r)));
        }
        return found;
    }

    /** Files the appeal; empty when the action has one already (also one filed at the same moment). */
    Optional<String> file(Action action, String memberId, String words) {
        String id = RandomId.next();
        int filed = db.insertInto(APPEALS).set(APPEALS.ID, id).set(APPEALS.ACTION_ID, action.id())
                .set(APPEALS.COMMUNITY_ID, action.communityId()).set(APPEALS.MEMBER_ID, memberId).set(APPEALS.WORDS, words)
                .set(APPEALS.APPEALED_AT, now()).onConflictDoNothing().execute();
        return filed == 1 ? Optional.of(id) : Optional.empty();
    }

    Optional<Appeal> appeal(String appealId) {
        if (!RandomId.looksValid(appealId)) {
            return Optional.empty();
        }
        return db.selectFrom(APPEALS).where(APPEALS.ID.eq(appealId)).fetchOptional(Appeals::appeal);
    }

    /** The appeals of these actions, by action id. */
    Map<String, Appeal> ofActions(Collection<String> actionIds) {
        Map<String, Appeal> found = new HashMap<>();
        if (!actionIds.isEmpty()) {
            db.selectFrom(APPEALS).where(APPEALS.ACTION_ID.in(actionIds)).forEach(r -> found.put(r.getActionId(), appeal(r)));
        }
        return found;
    }

    /** A community's appeals waiting for a decision, oldest first. */
    List<Appeal> waiting(String communityId) {
        return db.selectFrom(APPEALS).where(APPEALS.COMMUNITY_ID.eq(communityId), APPEALS.DECIDED_AT.isNull())
                .orderBy(APPEALS.APPEALED_AT, APPEALS.ID).fetch(Appeals::appeal);
    }

    /** Every appeal waiting on the site, oldest first: for finding those only site staff may decide. */
    List<Appeal> waitingEverywhere() {
        return db.selectFrom(APPEALS).where(APPEALS.DECIDED_AT.isNull()).orderBy(APPEALS.APPEALED_AT, APPEALS.ID).fetch(Appeals::appeal);
    }

    int waitingCount(String communityId) {
        return db.fetchCount(APPEALS, APPEALS.COMMUNITY_ID.eq(communityId), APPEALS.DECIDED_AT.isNull());
    }

    /**
     * Marks the appeal decided. The update is the check: of two deciding at once, the second
     * matches no row (on PostgreSQL it waits for the first's transaction; SQLite writes one
     * transaction at a time).
     */
    boolean decide(String appealId, String deciderId, boolean upheld) {
        return db.update(APPEALS).set(APPEALS.DECIDED_BY, deciderId).set(APPEALS.DECIDED_AT, now()).set(APPEALS.UPHELD, upheld)
                .where(APPEALS.ID.eq(appealId), APPEALS.DECIDED_AT.isNull()).execute() == 1;
    }

    void decidedBy(String appealId, String decisionId) {
        db.update(APPEALS).set(APPEALS.DECISION_ID, decisionId).where(APPEALS.ID.eq(appealId)).execute();
    }

    void undone(String actionId) {
        db.update(MODERATION_ACTIONS).set(MODERATION_ACTIONS.UNDONE_AT, now()).where(MODERATION_ACTIONS.ID.eq(actionId)).execute();
    }

    private static Action action(ModerationActionsRecord r) {
        return new Action(r.getId(), r.getCommunityId(), ModerationAction.valueOf(r.getAction()), r.getPostId(), r.getMemberId(),
                r.getRuleNumber(), r.getReason(), r.getModeratorId(), r.getUntilAt(), r.getActedAt(), Boolean.TRUE.equals(r.getSensitive()),
                r.getUndoneAt(), r.getDetail());
    }

    private static Appeal appeal(AppealsRecord r) {
        return new Appeal(r.getId(), r.getActionId(), r.getCommunityId(), r.getMemberId(), r.getWords(), r.getAppealedAt(),
                r.getDecidedBy(), r.getDecidedAt(), r.getUpheld(), r.getDecisionId());
    }
}
