package org.hearth.clinician;

import static org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS;
import static org.hearth.clinician.schema.Tables.CLINICIAN_STATEMENTS;
import static org.hearth.clinician.schema.Tables.COMMUNITY_ADVISORS;
import static org.hearth.clinician.schema.Tables.EVIDENCE_NOTES;
import static org.hearth.clinician.schema.Tables.EVIDENCE_NOTE_RATINGS;
import static org.hearth.clinician.schema.Tables.EXPERT_PATIENTS;
import static org.hearth.clinician.schema.Tables.SITE_REVIEWERS;
import static org.jooq.impl.DSL.select;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.hearth.community.CommunityNames;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What the clinician feature holds about a member: their applications (what they gave, what
 * became of each, with the reviewer's role and reason, never the reviewer's name; the document
 * itself stays out of the download, only its kind and size), their statement of interests, and
 * whether they review for the site, the decisions they took as a reviewer (without whose), and
 * their seats on communities' advisory boards. Erasing
 * removes their applications, documents and all, their statement, their appointment and their
 * seats (a seat they offered as an owner stays, without their name); decisions
 * they took as a reviewer keep the decision without their name.
 */
@Component
@Order(40)
class ApplicationsOfAMember implements MemberData {

    private final DSLContext db;
    private final CommunityNames communities;

    ApplicationsOfAMember(DSLContext db, CommunityNames communities) {
        this.db = db;
        this.communities = communities;
    }

    @Override
    public String section() {
        return "clinician";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(CLINICIAN_APPLICATIONS, SITE_REVIEWERS, CLINICIAN_STATEMENTS, COMMUNITY_ADVISORS, EVIDENCE_NOTES, EVIDENCE_NOTE_RATINGS,
                EXPERT_PATIENTS);
    }

    record Section(List<ApplicationMade> applications, String statementOfInterests, boolean siteReviewer,
            List<AdvisoryBoardSeat> advisoryBoards, List<DecisionTaken> decisionsTakenAsReviewer, List<NoteWritten> evidenceNotes,
            List<RatingGiven> evidenceNoteRatings, List<CommunityNames.Named> expertPatientIn) {
    }

    /** An evidence note they wrote, as they wrote it (whose post it is on stays out: that is the other member's). */
    record NoteWritten(CommunityNames.Named community, String stance, String explanation, List<String> references, String status, Instant writtenAt) {
    }

    /** A rating they gave a note: theirs, so theirs to download; whose note stays out. */
    record RatingGiven(CommunityNames.Named community, boolean helpful, String reason, Instant ratedAt) {
    }

    /** A decision they took as a reviewer: what and why, never whose application (that is the other member's). */
    record DecisionTaken(String decision, String reason, Instant at) {
    }

    /** An invitation to a community's clinical advisory board and what became of it (who invited stays out). */
    record AdvisoryBoardSeat(CommunityNames.Named community, Instant invitedAt, Boolean accepted, Instant answeredAt, Instant endedAt) {
    }

    record ApplicationMade(String profession, String specialty, String jurisdiction, String registerNumber, String documentKind,
            Integer documentBytes, Instant appliedAt, String status, String decidedBy, Instant decidedAt, String reason, Instant expiresAt,
            String revokedBy, Instant revokedAt, String revokeReason) {
    }

    @Override
    public Object export(String memberId) {
        var rows = db.select(CLINICIAN_APPLICATIONS.PROFESSION, CLINICIAN_APPLICATIONS.SPECIALTY, CLINICIAN_APPLICATIONS.JURISDICTION,
                        CLINICIAN_APPLICATIONS.REGISTER_NUMBER, CLINICIAN_APPLICATIONS.DOCUMENT_TYPE, CLINICIAN_APPLICATIONS.DOCUMENT_BYTES,
                        CLINICIAN_APPLICATIONS.APPLIED_AT, CLINICIAN_APPLICATIONS.STATUS, CLINICIAN_APPLICATIONS.DECIDED_ROLE,
                        CLINICIAN_APPLICATIONS.DECIDED_AT, CLINICIAN_APPLICATIONS.REASON, CLINICIAN_APPLICATIONS.EXPIRES_AT,
                        CLINICIAN_APPLICATIONS.REVOKED_ROLE, CLINICIAN_APPLICATIONS.REVOKED_AT, CLINICIAN_APPLICATIONS.REVOKE_REASON)
                .from(CLINICIAN_APPLICATIONS).where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId))
                .orderBy(CLINICIAN_APPLICATIONS.APPLIED_AT, CLINICIAN_APPLICATIONS.ID).fetch();
        return new Section(rows.map(r -> new ApplicationMade(lower(r.value1()), r.value2(), r.value3(), r.value4(), lower(r.value5()),
                        r.value6(), at(r.value7()), lower(r.value8()), role(r.value9()), at(r.value10()), r.value11(), at(r.value12()),
                        role(r.value13()), at(r.value14()), r.value15())),
                db.select(CLINICIAN_STATEMENTS.STATEMENT).from(CLINICIAN_STATEMENTS).where(CLINICIAN_STATEMENTS.MEMBER_ID.eq(memberId))
                        .fetchOptional(CLINICIAN_STATEMENTS.STATEMENT).orElse(null),
                db.fetchExists(SITE_REVIEWERS, SITE_REVIEWERS.MEMBER_ID.eq(memberId)), seats(memberId), taken(memberId),
                notesWritten(memberId), ratingsGiven(memberId), expertPatientIn(memberId));
    }

    private List<NoteWritten> notesWritten(String memberId) {
        var rows = db.selectFrom(EVIDENCE_NOTES).where(EVIDENCE_NOTES.AUTHOR_ID.eq(memberId)).orderBy(EVIDENCE_NOTES.WRITTEN_AT).fetch();
        var named = communities.byId(rows.getValues(EVIDENCE_NOTES.COMMUNITY_ID));
        return rows.map(r -> new NoteWritten(named.get(r.getCommunityId()), lower(r.getStance()), r.getExplanation(),
                Citation.fromLines(r.getCitations()).stream().map(Citation::href).toList(), lower(r.getStatus()), at(r.getWrittenAt())));
    }

    private List<RatingGiven> ratingsGiven(String memberId) {
        var rows = db.select(EVIDENCE_NOTES.COMMUNITY_ID, EVIDENCE_NOTE_RATINGS.HELPFUL, EVIDENCE_NOTE_RATINGS.REASON, EVIDENCE_NOTE_RATINGS.RATED_AT)
                .from(EVIDENCE_NOTE_RATINGS).join(EVIDENCE_NOTES).on(EVIDENCE_NOTES.ID.eq(EVIDENCE_NOTE_RATINGS.NOTE_ID))
                .where(EVIDENCE_NOTE_RATINGS.RATER_ID.eq(memberId)).orderBy(EVIDENCE_NOTE_RATINGS.RATED_AT).fetch();
        var named = communities.byId(rows.getValues(EVIDENCE_NOTES.COMMUNITY_ID));
        return rows.map(r -> new RatingGiven(named.get(r.value1()), r.value2(), r.value3(), at(r.value4())));
    }

    private List<CommunityNames.Named> expertPatientIn(String memberId) {
        var ids = db.select(EXPERT_PATIENTS.COMMUNITY_ID).from(EXPERT_PATIENTS).where(EXPERT_PATIENTS.MEMBER_ID.eq(memberId))
                .fetch(EXPERT_PATIENTS.COMMUNITY_ID);
        return List.copyOf(communities.byId(ids).values());
    }

    private List<DecisionTaken> taken(String memberId) {
        List<DecisionTaken> taken = new java.util.ArrayList<>();
        db.select(CLINICIAN_APPLICATIONS.STATUS, CLINICIAN_APPLICATIONS.REASON, CLINICIAN_APPLICATIONS.DECIDED_AT).from(CLINICIAN_APPLICATIONS)
                .where(CLINICIAN_APPLICATIONS.DECIDED_BY.eq(memberId)).orderBy(CLINICIAN_APPLICATIONS.DECIDED_AT)
                .forEach(r -> taken.add(new DecisionTaken(lower(r.value1()), r.value2(), at(r.value3()))));
        db.select(CLINICIAN_APPLICATIONS.REVOKE_REASON, CLINICIAN_APPLICATIONS.REVOKED_AT).from(CLINICIAN_APPLICATIONS)
                .where(CLINICIAN_APPLICATIONS.REVOKED_BY.eq(memberId)).orderBy(CLINICIAN_APPLICATIONS.REVOKED_AT)
                .forEach(r -> taken.add(new DecisionTaken("revoked", r.value1(), at(r.value2()))));
        return taken;
    }

    private List<AdvisoryBoardSeat> seats(String memberId) {
        var rows = db.selectFrom(COMMUNITY_ADVISORS).where(COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId)).orderBy(COMMUNITY_ADVISORS.INVITED_AT).fetch();
        var named = communities.byId(rows.getValues(COMMUNITY_ADVISORS.COMMUNITY_ID));
        return rows.map(r -> new AdvisoryBoardSeat(named.get(r.getCommunityId()), at(r.getInvitedAt()), r.getAccepted(), at(r.getAnsweredAt()),
                at(r.getEndedAt())));
    }

    @Override
    public void erase(String memberId) {
        // their notes and the notes on their posts (which lose their text with the account), with every rating of them
        var notes = select(EVIDENCE_NOTES.ID).from(EVIDENCE_NOTES)
                .where(EVIDENCE_NOTES.AUTHOR_ID.eq(memberId).or(EVIDENCE_NOTES.POST_AUTHOR_ID.eq(memberId)));
        db.deleteFrom(EVIDENCE_NOTE_RATINGS).where(EVIDENCE_NOTE_RATINGS.NOTE_ID.in(notes).or(EVIDENCE_NOTE_RATINGS.RATER_ID.eq(memberId)))
                .execute();
        db.deleteFrom(EVIDENCE_NOTES).where(EVIDENCE_NOTES.AUTHOR_ID.eq(memberId).or(EVIDENCE_NOTES.POST_AUTHOR_ID.eq(memberId))).execute();
        db.deleteFrom(EXPERT_PATIENTS).where(EXPERT_PATIENTS.MEMBER_ID.eq(memberId)).execute();
        db.update(EXPERT_PATIENTS).setNull(EXPERT_PATIENTS.MARKED_BY).where(EXPERT_PATIENTS.MARKED_BY.eq(memberId)).execute();
        db.deleteFrom(CLINICIAN_APPLICATIONS).where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(memberId)).execute();
        db.update(CLINICIAN_APPLICATIONS).setNull(CLINICIAN_APPLICATIONS.DECIDED_BY).where(CLINICIAN_APPLICATIONS.DECIDED_BY.eq(memberId))
                .execute();
        db.update(CLINICIAN_APPLICATIONS).setNull(CLINICIAN_APPLICATIONS.REVOKED_BY).where(CLINICIAN_APPLICATIONS.REVOKED_BY.eq(memberId))
                .execute();
        db.deleteFrom(CLINICIAN_STATEMENTS).where(CLINICIAN_STATEMENTS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(COMMUNITY_ADVISORS).where(COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId)).execute();
        db.update(COMMUNITY_ADVISORS).setNull(COMMUNITY_ADVISORS.INVITED_BY).where(COMMUNITY_ADVISORS.INVITED_BY.eq(memberId)).execute();
        db.deleteFrom(SITE_REVIEWERS).where(SITE_REVIEWERS.MEMBER_ID.eq(memberId)).execute();
        db.update(SITE_REVIEWERS).setNull(SITE_REVIEWERS.APPOINTED_BY).where(SITE_REVIEWERS.APPOINTED_BY.eq(memberId)).execute();
    }

    private static String role(String name) {
        return name == null ? null : org.hearth.privacy.StaffAccess.StaffRole.valueOf(name).words();
    }

    private static Instant at(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    private static String lower(String name) {
        return name == null ? null : name.toLowerCase(Locale.ROOT);
    }
}
