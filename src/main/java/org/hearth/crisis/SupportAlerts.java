package org.hearth.crisis;

import static org.hearth.crisis.schema.Tables.CONCERN_REPORTERS;
import static org.hearth.crisis.schema.Tables.SUPPORT_ALERTS;

import java.util.List;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** The support alerts of every community: written by the use cases of this package, read by its pages. */
@Repository
public class SupportAlerts {

    /** Why an alert was made. */
    public enum Kind {
        /** The writer saw the crisis resources and chose to let the moderators know about their post. */
        ASKED,
        /** A member is worried about a post's author. */
        CONCERN
    }

    /**
     * One alert, for the community's moderators.
     *
     * @param memberId whom it is about: the writer, or the author of the post a member is worried about
     * @param reportedBy who is worried, or null (the writer asked, or the reporter deleted their account)
     */
    public record Alert(String id, String communityId, String postId, Kind kind, String memberId, boolean anonymous,
            String reportedBy, String note, long createdAt, Long handledAt, String handledBy) {

        public boolean handled() {
            return handledAt != null;
        }
    }

    private final DSLContext db;

    SupportAlerts(DSLContext db) {
        this.db = db;
    }

    String add(String communityId, String postId, Kind kind, String memberId, boolean anonymous, String reportedBy,
            String note, long now) {
        String id = RandomId.next();
        db.insertInto(SUPPORT_ALERTS).set(SUPPORT_ALERTS.ID, id).set(SUPPORT_ALERTS.COMMUNITY_ID, communityId)
                .set(SUPPORT_ALERTS.POST_ID, postId).set(SUPPORT_ALERTS.KIND, kind.name()).set(SUPPORT_ALERTS.MEMBER_ID, memberId)
                .set(SUPPORT_ALERTS.ANONYMOUS, anonymous).set(SUPPORT_ALERTS.REPORTED_BY, reportedBy)
                .set(SUPPORT_ALERTS.NOTE, note).set(SUPPORT_ALERTS.CREATED_AT, now).execute();
        return id;
    }

    /** Whether the writer already asked about this post and no moderator has handled it yet. */
    boolean askedAndOpen(String postId, String memberId) {
        return db.fetchExists(SUPPORT_ALERTS, SUPPORT_ALERTS.POST_ID.eq(postId), SUPPORT_ALERTS.MEMBER_ID.eq(memberId),
                SUPPORT_ALERTS.KIND.eq(Kind.ASKED.name()), SUPPORT_ALERTS.HANDLED_AT.isNull());
    }

    /**
     * Written first in a report of concern: a second report by the same member at the same moment
     * waits here until the first commits, and then counts it against the limits.
     */
    void holdReporter(String reporterId, long now) {
        db.insertInto(CONCERN_REPORTERS).set(CONCERN_REPORTERS.MEMBER_ID, reporterId).set(CONCERN_REPORTERS.LAST_REPORTED_AT, now)
                .onConflict(CONCERN_REPORTERS.MEMBER_ID).doUpdate().set(CONCERN_REPORTERS.LAST_REPORTED_AT, now).execute();
    }

    /** When the member last tried to raise a concern, if ever. */
    Optional<Long> lastReportBy(String memberId) {
        return db.select(CONCERN_REPORTERS.LAST_REPORTED_AT).from(CONCERN_REPORTERS).where(CONCERN_REPORTERS.MEMBER_ID.eq(memberId))
                .fetchOptional(CONCERN_REPORTERS.LAST_REPORTED_AT);
    }

    /** Reports of concern this member made since then. */
    int reportsBy(String reporterId, long since) {
        return db.fetchCount(SUPPORT_ALERTS, SUPPORT_ALERTS.REPORTED_BY.eq(reporterId), SUPPORT_ALERTS.CREATED_AT.ge(since));
    }

    /** Whether this reporter raised a concern about this member, through a post that named them, since then. */
    boolean reportedNamed(String reporterId, String memberId, long since) {
        return db.fetchExists(SUPPORT_ALERTS, SUPPORT_ALERTS.REPORTED_BY.eq(reporterId), SUPPORT_ALERTS.MEMBER_ID.eq(memberId),
                SUPPORT_ALERTS.ANONYMOUS.isFalse(), SUPPORT_ALERTS.CREATED_AT.ge(since));
    }

    /** Whether this reporter raised a concern about this post since then. */
    boolean reportedPost(String reporterId, String postId, long since) {
        return db.fetchExists(SUPPORT_ALERTS, SUPPORT_ALERTS.REPORTED_BY.eq(reporterId), SUPPORT_ALERTS.POST_ID.eq(postId),
                SUPPORT_ALERTS.CREATED_AT.ge(since));
    }

    /** The community's alerts, those not handled yet first, newest first within each. */
    public List<Alert> ofCommunity(String communityId, int limit) {
        return db.selectFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.COMMUNITY_ID.eq(communityId))
                .orderBy(SUPPORT_ALERTS.HANDLED_AT.isNull().desc(), SUPPORT_ALERTS.CREATED_AT.desc(), SUPPORT_ALERTS.ID)
                .limit(limit)
                .fetch(SupportAlerts::alert);
    }

    Optional<Alert> inCommunity(String communityId, String alertId) {
        if (!RandomId.looksValid(alertId)) {
            return Optional.empty();
        }
        return db.selectFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.ID.eq(alertId), SUPPORT_ALERTS.COMMUNITY_ID.eq(communityId))
                .fetchOptional(SupportAlerts::alert);
    }

    /** Marks it handled unless someone did already; true when this call did. */
    boolean handle(String alertId, String moderatorId, long now) {
        return db.update(SUPPORT_ALERTS).set(SUPPORT_ALERTS.HANDLED_AT, now).set(SUPPORT_ALERTS.HANDLED_BY, moderatorId)
                .where(SUPPORT_ALERTS.ID.eq(alertId), SUPPORT_ALERTS.HANDLED_AT.isNull()).execute() == 1;
    }

    List<Alert> about(String memberId) {
        return db.selectFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.MEMBER_ID.eq(memberId))
                .orderBy(SUPPORT_ALERTS.CREATED_AT, SUPPORT_ALERTS.ID).fetch(SupportAlerts::alert);
    }

    List<Alert> reportedBy(String memberId) {
        return db.selectFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.REPORTED_BY.eq(memberId))
                .orderBy(SUPPORT_ALERTS.CREATED_AT, SUPPORT_ALERTS.ID).fetch(SupportAlerts::alert);
    }

    List<Alert> handledBy(String memberId) {
        return db.selectFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.HANDLED_BY.eq(memberId))
                .orderBy(SUPPORT_ALERTS.HANDLED_AT, SUPPORT_ALERTS.ID).fetch(SupportAlerts::alert);
    }

    /**
     * Alerts about the member go; on alerts they raised about someone else, their name and note
     * go and the alert stays, so a concern for another member is not lost with the reporter's
     * account; on alerts they handled, their name goes.
     */
    void erase(String memberId) {
        db.deleteFrom(SUPPORT_ALERTS).where(SUPPORT_ALERTS.MEMBER_ID.eq(memberId)).execute();
        db.update(SUPPORT_ALERTS).setNull(SUPPORT_ALERTS.REPORTED_BY).setNull(SUPPORT_ALERTS.NOTE)
                .where(SUPPORT_ALERTS.REPORTED_BY.eq(memberId)).execute();
        db.update(SUPPORT_ALERTS).setNull(SUPPORT_ALERTS.HANDLED_BY).where(SUPPORT_ALERTS.HANDLED_BY.eq(memberId)).execute();
        db.deleteFrom(CONCERN_REPORTERS).where(CONCERN_REPORTERS.MEMBER_ID.eq(memberId)).execute();
    }

    private static Alert alert(org.hearth.crisis.schema.tables.records.SupportAlertsRecord r) {
        return new Alert(r.getId(), r.getCommunityId(), r.getPostId(), Kind.valueOf(r.getKind()), r.getMemberId(),
                Boolean.TRUE.equals(r.getAnonymous()), r.getReportedBy(), r.getNote(), r.getCreatedAt(), r.getHandledAt(),
                r.getHandledBy());
    }
}
