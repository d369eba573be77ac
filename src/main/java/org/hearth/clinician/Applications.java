package org.hearth.clinician;

import static org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS;
import static org.hearth.clinician.schema.Tables.CLINICIAN_STATEMENTS;
import static org.hearth.clinician.schema.Tables.SITE_REVIEWERS;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.hearth.clinician.schema.tables.records.ClinicianApplicationsRecord;
import org.hearth.platform.RandomId;
import org.hearth.privacy.StaffAccess.StaffRole;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.hearth.platform.db.Placeholders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Applications and the site's reviewers, as stored: the steps the clinician use cases are made
 * of, each in the caller's transaction. Every decision is an update whose conditions are the
 * check, so of two reviewers deciding at once one wins.
 */
@Component
class Applications {

    static final String WAITING = "WAITING";
    static final String APPROVED = "APPROVED";
    static final String REJECTED = "REJECTED";
    static final String WITHDRAWN = "WITHDRAWN";

    /**
     * An approval in force: approved, not revoked, not yet expired at the time bound to its one
     * marker. The SQL text of {@link #inForce}, for the queries on every page (see Placeholders);
     * the columns of {@code clinician_applications} named as they are, after an alias if any.
     */
    static String inForceSql(String alias) {
        String a = alias.isEmpty() ? "" : alias + ".";
        return a + "status = '" + APPROVED + "' and " + a + "revoked_at is null and " + a + "expires_at > ?";
    }

    /** An approval in force at this time: approved, not revoked, not yet expired. */
    static Condition inForce(long now) {
        return CLINICIAN_APPLICATIONS.STATUS.eq(APPROVED).and(CLINICIAN_APPLICATIONS.REVOKED_AT.isNull())
                .and(CLINICIAN_APPLICATIONS.EXPIRES_AT.gt(now));
    }

    private final DSLContext db;
    private final JdbcClient jdbc;
    private final Clock clock;

    Applications(DSLContext db, JdbcClient jdbc, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    /** One application as stored, without its document's content. */
    record Stored(String id, String memberId, Profession profession, String specialty, String jurisdiction, String registerNumber,
            DocumentType documentType, Integer documentBytes, long appliedAt, String status, StaffRole decidedRole, Long decidedAt,
            String reason, Long expiresAt, StaffRole revokedRole, Long revokedAt, String revokeReason, String decidedBy) {

        boolean waiting() {
            return WAITING.equals(status);
        }

        /** Approved, not revoked and not expired at this time. */
        boolean verifiedAt(long now) {
            return APPROVED.equals(status) && revokedAt == null && expiresAt != null && expiresAt > now;
        }
    }

    /** Saves a waiting application; false when the member already has one waiting (also at the same moment). */
    boolean add(String id, String memberId, Profession profession, String specialty, String jurisdiction, String number,
            DocumentType type, String sealedDocument, Integer documentBytes) {
        return db.insertInto(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.ID, id).set(CLINICIAN_APPLICATIONS.MEMBER_ID, memberId)
                .set(CLINICIAN_APPLICATIONS.PROFESSION, profession.name()).set(CLINICIAN_APPLICATIONS.SPECIALTY, specialty)
                .set(CLINICIAN_APPLICATIONS.JURISDICTION, jurisdiction).set(CLINICIAN_APPLICATIONS.REGISTER_NUMBER, number)
                .set(CLINICIAN_APPLICATIONS.DOCUMENT_TYPE, type == null ? null : type.name())
                .set(CLINICIAN_APPLICATIONS.DOCUMENT, sealedDocument).set(CLINICIAN_APPLICATIONS.DOCUMENT_BYTES, documentBytes)
                .set(CLINICIAN_APPLICATIONS.APPLIED_AT, now()).set(CLINICIAN_APPLICATIONS.STATUS, WAITING)
                .set(CLINICIAN_APPLICATIONS.WAITING_MEMBER, memberId)
                .onConflictDoNothing().execute() == 1;
    }

    boolean hasWaiting(String memberId) {
        return db.fetchExists(CLINICIAN_APPLICATIONS, CLINICIAN_APPLICATIONS.WAITING_MEMBER.eq(memberId));
    }

    Optional<Stored> one(String id) {
        if (!RandomId.looksValid(id)) {
            return Optional.empty();
        }
        return rows().where(CLINICIAN_APPLICATIONS.ID.eq(id)).fetchOptional(Applications::stored);
    }

    /** A member's applications, newest first. */
    List<Stored> of(String memberId) {
        return rows().where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId))
                .orderBy(CLINICIAN_APPLICATIONS.APPLIED_AT.desc(), CLINICIAN_APPLICATIONS.ID).fetch(Applications::stored);
    }

    /** Waiting applications, oldest first. */
    List<Stored> waiting() {
        return rows().where(CLINICIAN_APPLICATIONS.STATUS.eq(WAITING))
                .orderBy(CLINICIAN_APPLICATIONS.APPLIED_AT, CLINICIAN_APPLICATIONS.ID).limit(500).fetch(Applications::stored);
    }

    /** Approvals in force now, soonest to expire first. */
    List<Stored> verified() {
        long now = now();
        return rows()
                .where(inForce(now))
                .orderBy(CLINICIAN_APPLICATIONS.EXPIRES_AT, CLINICIAN_APPLICATIONS.ID).limit(1000).fetch(Applications::stored);
    }

    /** The approval in force for this member now, if any. */
    Optional<Stored> verifiedNow(String memberId) {
        return rows()
                .where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId), inForce(now()))
                .orderBy(CLINICIAN_APPLICATIONS.EXPIRES_AT.desc()).limit(1).fetchOptional(Applications::stored);
    }

    /**
     * What a badge says for each of these members verified now (the approval ending last): one
     * query for a page of authors, asked on every topic page, so SQL text over JDBC (see
     * {@link Placeholders}).
     */
    java.util.Map<String, CredentialReview.Verification> badgesAmong(java.util.Collection<String> memberIds) {
        if (memberIds.isEmpty()) {
            return java.util.Map.of();
        }
        java.util.List<Object> binds = new java.util.ArrayList<>(memberIds.size() + 1);
        binds.add(now());
        binds.addAll(memberIds);
        java.util.Map<String, CredentialReview.Verification> verified = new java.util.HashMap<>();
        // ordered by end, so the approval ending last is the one kept for each member
        jdbc.sql("select member_id, profession, specialty, jurisdiction, decided_role, decided_at, expires_at from clinician_applications"
                + " where " + inForceSql("") + " and member_id in (" + Placeholders.of(memberIds.size())
                + ") order by expires_at").params(binds).query(rs -> {
                    String role = rs.getString("decided_role");
                    verified.put(rs.getString("member_id"), new CredentialReview.Verification(Profession.valueOf(rs.getString("profession")),
                            rs.getString("specialty"), rs.getString("jurisdiction"), role == null ? "a reviewer" : StaffRole.valueOf(role).words(),
                            rs.getLong("decided_at"), rs.getLong("expires_at")));
                });
        return verified;
    }

    // ---- statements of interests -------------------------------------------------------------

    Optional<String> statement(String memberId) {
        return db.select(CLINICIAN_STATEMENTS.STATEMENT).from(CLINICIAN_STATEMENTS).where(CLINICIAN_STATEMENTS.MEMBER_ID.eq(memberId))
                .fetchOptional(CLINICIAN_STATEMENTS.STATEMENT);
    }

    /** Saves the member's statement, or removes it when {@code statement} is null. */
    void saveStatement(String memberId, String statement) {
        if (statement == null) {
            db.deleteFrom(CLINICIAN_STATEMENTS).where(CLINICIAN_STATEMENTS.MEMBER_ID.eq(memberId)).execute();
            return;
        }
        int updated = db.update(CLINICIAN_STATEMENTS).set(CLINICIAN_STATEMENTS.STATEMENT, statement)
                .set(CLINICIAN_STATEMENTS.UPDATED_AT, now()).where(CLINICIAN_STATEMENTS.MEMBER_ID.eq(memberId)).execute();
        if (updated == 0) {
            db.insertInto(CLINICIAN_STATEMENTS).set(CLINICIAN_STATEMENTS.MEMBER_ID, memberId).set(CLINICIAN_STATEMENTS.STATEMENT, statement)
                    .set(CLINICIAN_STATEMENTS.UPDATED_AT, now()).onConflictDoNothing().execute();
        }
    }

    /** The sealed document of an application, if it has one. */
    Optional<String> sealedDocument(String id) {
        return db.select(CLINICIAN_APPLICATIONS.DOCUMENT).from(CLINICIAN_APPLICATIONS).where(CLINICIAN_APPLICATIONS.ID.eq(id))
                .fetchOptional(CLINICIAN_APPLICATIONS.DOCUMENT);
    }

    /**
     * Decides a waiting application; false when it no longer waits (another reviewer decided, or
     * its applicant withdrew it). {@code expiresAt} is null for a rejection.
     */
    boolean decide(String id, String status, String reviewerId, StaffRole role, String reason, Long expiresAt) {
        return db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.STATUS, status)
                .setNull(CLINICIAN_APPLICATIONS.WAITING_MEMBER)
                .set(CLINICIAN_APPLICATIONS.DECIDED_BY, reviewerId).set(CLINICIAN_APPLICATIONS.DECIDED_ROLE, role.name())
                .set(CLINICIAN_APPLICATIONS.DECIDED_AT, now()).set(CLINICIAN_APPLICATIONS.REASON, reason)
                .set(CLINICIAN_APPLICATIONS.EXPIRES_AT, expiresAt)
                .where(CLINICIAN_APPLICATIONS.ID.eq(id), CLINICIAN_APPLICATIONS.STATUS.eq(WAITING)).execute() == 1;
    }

    /** The applicant takes back a waiting application; false when it no longer waits. */
    boolean withdraw(String id, String memberId) {
        return db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.STATUS, WITHDRAWN).setNull(CLINICIAN_APPLICATIONS.WAITING_MEMBER)
                .set(CLINICIAN_APPLICATIONS.DECIDED_AT, now())
                .where(CLINICIAN_APPLICATIONS.ID.eq(id), CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId),
                        CLINICIAN_APPLICATIONS.STATUS.eq(WAITING)).execute() == 1;
    }

    /**
     * Revokes an approval in force, and with it every other approval of the same member still in
     * force (an earlier one a renewal overlaps): a revoked clinician is verified nowhere. False
     * when that approval is not in force (expired, or revoked meanwhile).
     */
    boolean revoke(String id, String memberId, String reviewerId, StaffRole role, String reason) {
        long now = now();
        Condition inForce = inForce(now);
        boolean revoked = db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.REVOKED_BY, reviewerId)
                .set(CLINICIAN_APPLICATIONS.REVOKED_ROLE, role.name()).set(CLINICIAN_APPLICATIONS.REVOKED_AT, now)
                .set(CLINICIAN_APPLICATIONS.REVOKE_REASON, reason)
                .where(CLINICIAN_APPLICATIONS.ID.eq(id), inForce).execute() == 1;
        if (revoked) {
            db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.REVOKED_BY, reviewerId)
                    .set(CLINICIAN_APPLICATIONS.REVOKED_ROLE, role.name()).set(CLINICIAN_APPLICATIONS.REVOKED_AT, now)
                    .set(CLINICIAN_APPLICATIONS.REVOKE_REASON, reason)
                    .where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId), inForce).execute();
        }
        return revoked;
    }

    /** A renewal was approved: the approvals it overlaps need no reminder of their end any more. */
    void renewed(String memberId, String renewalId) {
        db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.REMINDED_AT, now())
                .where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId), CLINICIAN_APPLICATIONS.ID.ne(renewalId),
                        CLINICIAN_APPLICATIONS.STATUS.eq(APPROVED), CLINICIAN_APPLICATIONS.REMINDED_AT.isNull())
                .execute();
    }

    /**
     * Approvals in force that end before a time and whose clinician was not reminded yet, each
     * marked reminded as it is taken: the update is the check, so on several nodes each is
     * reminded once. Returns the member ids and end times taken.
     */
    List<Stored> takeDueReminders(long endingBefore) {
        long now = now();
        List<Stored> due = rows()
                .where(inForce(now), CLINICIAN_APPLICATIONS.REMINDED_AT.isNull(), CLINICIAN_APPLICATIONS.EXPIRES_AT.le(endingBefore))
                .limit(200).fetch(Applications::stored);
        return due.stream().filter(a -> db.update(CLINICIAN_APPLICATIONS).set(CLINICIAN_APPLICATIONS.REMINDED_AT, now)
                .where(CLINICIAN_APPLICATIONS.ID.eq(a.id()), CLINICIAN_APPLICATIONS.REMINDED_AT.isNull()).execute() == 1).toList();
    }

    // ---- reviewers -------------------------------------------------------------------------

    boolean isReviewer(String memberId) {
        return memberId != null && db.fetchExists(SITE_REVIEWERS, SITE_REVIEWERS.MEMBER_ID.eq(memberId));
    }

    boolean appoint(String memberId, String adminId) {
        return db.insertInto(SITE_REVIEWERS).set(SITE_REVIEWERS.MEMBER_ID, memberId).set(SITE_REVIEWERS.APPOINTED_BY, adminId)
                .set(SITE_REVIEWERS.APPOINTED_AT, now()).onConflictDoNothing().execute() == 1;
    }

    boolean dismiss(String memberId) {
        return db.deleteFrom(SITE_REVIEWERS).where(SITE_REVIEWERS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /** The reviewers' ids, in the order they were appointed. */
    List<String> reviewers() {
        return db.select(SITE_REVIEWERS.MEMBER_ID).from(SITE_REVIEWERS).orderBy(SITE_REVIEWERS.APPOINTED_AT, SITE_REVIEWERS.MEMBER_ID)
                .fetch(SITE_REVIEWERS.MEMBER_ID);
    }

    private static Stored row(ClinicianApplicationsRecord r) {
        return new Stored(r.getId(), r.getMemberId(), Profession.valueOf(r.getProfession()), r.getSpecialty(), r.getJurisdiction(),
                r.getRegisterNumber(), r.getDocumentType() == null ? null : DocumentType.valueOf(r.getDocumentType()), r.getDocumentBytes(),
                r.getAppliedAt(), r.getStatus(), r.getDecidedRole() == null ? null : StaffRole.valueOf(r.getDecidedRole()), r.getDecidedAt(),
                r.getReason(), r.getExpiresAt(), r.getRevokedRole() == null ? null : StaffRole.valueOf(r.getRevokedRole()), r.getRevokedAt(),
                r.getRevokeReason(), r.getDecidedBy());
    }

    /** Every column but the document's content, which only {@link #sealedDocument} reads. */
    private static final List<org.jooq.Field<?>> LISTED = java.util.Arrays.stream(CLINICIAN_APPLICATIONS.fields())
            .filter(f -> !f.equals(CLINICIAN_APPLICATIONS.DOCUMENT)).toList();

    private org.jooq.SelectJoinStep<org.jooq.Record> rows() {
        return db.select(LISTED).from(CLINICIAN_APPLICATIONS);
    }

    private static Stored stored(org.jooq.Record r) {
        return row(r.into(CLINICIAN_APPLICATIONS));
    }
}
