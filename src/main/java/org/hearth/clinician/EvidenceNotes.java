package org.hearth.clinician;

import static org.hearth.clinician.schema.Tables.CLINICIAN_APPLICATIONS;
import static org.hearth.clinician.schema.Tables.COMMUNITY_ADVISORS;
import static org.hearth.clinician.schema.Tables.EVIDENCE_NOTES;
import static org.hearth.clinician.schema.Tables.EVIDENCE_NOTE_POLICIES;
import static org.hearth.clinician.schema.Tables.EVIDENCE_NOTE_RATINGS;
import static org.hearth.clinician.schema.Tables.EXPERT_PATIENTS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;
import static org.jooq.impl.DSL.when;


import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.stereotype.Component;

/**
 * Evidence notes, their references and ratings, as stored: the steps the note use cases are made
 * of, in the caller's transaction, and the one query a topic page asks for its notes.
 */
@Component
class EvidenceNotes {

    static final String NEEDS_RATINGS = "NEEDS_RATINGS";
    static final String SHOWN = "SHOWN";

    /** What the writer was when they wrote. */
    enum AuthorKind { CLINICIAN, EXPERT_PATIENT }

    /** A rater's group when they rated: the two a note must bridge. */
    enum RaterGroup { PATIENT, CLINICIAN }

    private final DSLContext db;
    private final Clock clock;

    EvidenceNotes(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    /** One note as stored, without its references. */
    record Stored(String id, String communityId, String postId, String authorId, AuthorKind authorKind, Stance stance,
            String explanationHtml, List<Citation> citations, String status, long writtenAt) {

        boolean shown() {
            return SHOWN.equals(status);
        }
    }

    // ---- who may write ----------------------------------------------------------------------

    /** The member serves on the community's advisory board (their verification is asked apart). */
    boolean advisor(String communityId, String memberId) {
        return db.fetchExists(COMMUNITY_ADVISORS, serving(communityId, memberId));
    }

    private static Condition serving(String communityId, String memberId) {
        return COMMUNITY_ADVISORS.COMMUNITY_ID.eq(communityId).and(COMMUNITY_ADVISORS.MEMBER_ID.eq(memberId))
                .and(COMMUNITY_ADVISORS.ACCEPTED.isTrue()).and(COMMUNITY_ADVISORS.ENDED_AT.isNull());
    }

    /** The moderators marked this member as an expert patient here, and the community lets expert patients write notes. */
    boolean expertPatientWriting(String communityId, String memberId) {
        return expertPatientsWrite(communityId) && expertPatient(communityId, memberId);
    }

    boolean expertPatient(String communityId, String memberId) {
        return db.fetchExists(EXPERT_PATIENTS, EXPERT_PATIENTS.COMMUNITY_ID.eq(communityId), EXPERT_PATIENTS.MEMBER_ID.eq(memberId));
    }

    boolean expertPatientsWrite(String communityId) {
        return db.select(EVIDENCE_NOTE_POLICIES.EXPERT_PATIENTS_WRITE).from(EVIDENCE_NOTE_POLICIES)
                .where(EVIDENCE_NOTE_POLICIES.COMMUNITY_ID.eq(communityId)).fetchOptional(EVIDENCE_NOTE_POLICIES.EXPERT_PATIENTS_WRITE)
                .orElse(false);
    }

    void allowExpertPatients(String communityId, boolean allow) {
        db.insertInto(EVIDENCE_NOTE_POLICIES).set(EVIDENCE_NOTE_POLICIES.COMMUNITY_ID, communityId)
                .set(EVIDENCE_NOTE_POLICIES.EXPERT_PATIENTS_WRITE, allow)
                .onConflict(EVIDENCE_NOTE_POLICIES.COMMUNITY_ID).doUpdate().set(EVIDENCE_NOTE_POLICIES.EXPERT_PATIENTS_WRITE, allow)
                .execute();
    }

    /** Marks an expert patient; false when already marked. */
    boolean markExpertPatient(String communityId, String memberId, String moderatorId) {
        return db.insertInto(EXPERT_PATIENTS).set(EXPERT_PATIENTS.COMMUNITY_ID, communityId).set(EXPERT_PATIENTS.MEMBER_ID, memberId)
                .set(EXPERT_PATIENTS.MARKED_BY, moderatorId).set(EXPERT_PATIENTS.MARKED_AT, now()).onConflictDoNothing().execute() == 1;
    }

    /** Takes the mark away; false when there was none. */
    boolean unmarkExpertPatient(String communityId, String memberId) {
        return db.deleteFrom(EXPERT_PATIENTS).where(EXPERT_PATIENTS.COMMUNITY_ID.eq(communityId), EXPERT_PATIENTS.MEMBER_ID.eq(memberId))
                .execute() == 1;
    }

    /** The expert patients of a community, ids in the order they were marked. */
    List<String> expertPatients(String communityId) {
        return db.select(EXPERT_PATIENTS.MEMBER_ID).from(EXPERT_PATIENTS).where(EXPERT_PATIENTS.COMMUNITY_ID.eq(communityId))
                .orderBy(EXPERT_PATIENTS.MARKED_AT).fetch(EXPERT_PATIENTS.MEMBER_ID);
    }

    // ---- writing and rating -----------------------------------------------------------------

    /** Saves a note and its references; false when this writer already has a note on the post (also at the same moment). */
    boolean add(Stored note, String postAuthorId, String explanation) {
        int saved = db.insertInto(EVIDENCE_NOTES).set(EVIDENCE_NOTES.ID, note.id()).set(EVIDENCE_NOTES.COMMUNITY_ID, note.communityId())
                .set(EVIDENCE_NOTES.POST_ID, note.postId()).set(EVIDENCE_NOTES.POST_AUTHOR_ID, postAuthorId)
                .set(EVIDENCE_NOTES.AUTHOR_ID, note.authorId()).set(EVIDENCE_NOTES.AUTHOR_KIND, note.authorKind().name())
                .set(EVIDENCE_NOTES.STANCE, note.stance().name()).set(EVIDENCE_NOTES.EXPLANATION, explanation)
                .set(EVIDENCE_NOTES.EXPLANATION_HTML, note.explanationHtml()).set(EVIDENCE_NOTES.CITATIONS, Citation.lines(note.citations()))
                .set(EVIDENCE_NOTES.STATUS, note.status())
                .set(EVIDENCE_NOTES.WRITTEN_AT, note.writtenAt())
                .onConflictDoNothing().execute();
        return saved == 1;
    }

    Optional<Stored> note(String noteId) {
        return db.selectFrom(EVIDENCE_NOTES).where(EVIDENCE_NOTES.ID.eq(noteId)).fetchOptional(EvidenceNotes::stored);
    }

    /** The note this member wrote on this post, if any. */
    Optional<Stored> noteBy(String postId, String authorId) {
        return db.selectFrom(EVIDENCE_NOTES).where(EVIDENCE_NOTES.POST_ID.eq(postId), EVIDENCE_NOTES.AUTHOR_ID.eq(authorId))
                .fetchOptional(EvidenceNotes::stored);
    }

    /** Saves a rating; false when this member already rated the note (also at the same moment). */
    boolean rate(String noteId, String raterId, RaterGroup group, boolean helpful, String reason) {
        return db.insertInto(EVIDENCE_NOTE_RATINGS).set(EVIDENCE_NOTE_RATINGS.NOTE_ID, noteId).set(EVIDENCE_NOTE_RATINGS.RATER_ID, raterId)
                .set(EVIDENCE_NOTE_RATINGS.RATER_GROUP, group.name()).set(EVIDENCE_NOTE_RATINGS.HELPFUL, helpful)
                .set(EVIDENCE_NOTE_RATINGS.REASON, reason).set(EVIDENCE_NOTE_RATINGS.RATED_AT, now())
                .onConflictDoNothing().execute() == 1;
    }

    /** How this member rated the note: empty when they did not. */
    Optional<Boolean> ratingBy(String noteId, String raterId) {
        return db.select(EVIDENCE_NOTE_RATINGS.HELPFUL).from(EVIDENCE_NOTE_RATINGS)
                .where(EVIDENCE_NOTE_RATINGS.NOTE_ID.eq(noteId), EVIDENCE_NOTE_RATINGS.RATER_ID.eq(raterId))
                .fetchOptional(EVIDENCE_NOTE_RATINGS.HELPFUL);
    }

    /** The note's ratings counted per group, read with the note's row locked so two raters at once each count the other. */
    Bridging tallyLocked(String noteId) {
        var row = db.select(EVIDENCE_NOTES.ID).from(EVIDENCE_NOTES).where(EVIDENCE_NOTES.ID.eq(noteId));
        // SQLite has no row locks and needs none: its transactions write one at a time
        (db.dialect().family() == org.jooq.SQLDialect.SQLITE ? row : row.forUpdate()).fetch();
        return tally(noteId);
    }

    Bridging tally(String noteId) {
        Field<Integer> helpful = org.jooq.impl.DSL.sum(when(EVIDENCE_NOTE_RATINGS.HELPFUL.isTrue(), 1).otherwise(0)).cast(Integer.class);
        int[] counts = new int[4];
        db.select(EVIDENCE_NOTE_RATINGS.RATER_GROUP, count(), helpful).from(EVIDENCE_NOTE_RATINGS)
                .where(EVIDENCE_NOTE_RATINGS.NOTE_ID.eq(noteId)).groupBy(EVIDENCE_NOTE_RATINGS.RATER_GROUP)
                .forEach(r -> {
                    int offset = RaterGroup.valueOf(r.value1()) == RaterGroup.PATIENT ? 0 : 2;
                    counts[offset] = r.value2();
                    counts[offset + 1] = r.value3() == null ? 0 : r.value3();
                });
        return new Bridging(counts[0], counts[1], counts[2], counts[3]);
    }

    void status(String noteId, String status) {
        db.update(EVIDENCE_NOTES).set(EVIDENCE_NOTES.STATUS, status).where(EVIDENCE_NOTES.ID.eq(noteId)).execute();
    }

    // ---- reading ----------------------------------------------------------------------------

    /**
     * A note as a page shows it: whether its author still writes with standing (verified, or
     * still marked an expert patient) and serves on the board, their profession and specialty
     * while verified, and how the reader rated it (null: they did not).
     */
    record OnPage(Stored note, String postAuthorId, boolean standing, boolean byAdvisor, String profession, String specialty,
            Boolean ratedHelpful) {
    }

    /** The notes on some posts, and what the reader may do about notes here. */
    record Page(List<OnPage> notes, NoteWriters reader) {
    }

    /**
     * The notes on these posts, with their authors' standing now and the reader's own ratings,
     * and the reader's own standing as a writer: one query for a whole page, a row for each note
     * (or one empty row when there is none, which still carries the reader's standing).
     */
    Page onPosts(String communityId, Collection<String> postIds, String readerId) {
        long now = now();
        Condition verifiedAuthor = CLINICIAN_APPLICATIONS.MEMBER_ID.eq(EVIDENCE_NOTES.AUTHOR_ID).and(inForce(now));
        Field<Boolean> verified = exists(selectOne().from(CLINICIAN_APPLICATIONS).where(verifiedAuthor)).as("verified");
        Field<String> profession = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(CLINICIAN_APPLICATIONS.PROFESSION)
                .from(CLINICIAN_APPLICATIONS).where(verifiedAuthor).orderBy(CLINICIAN_APPLICATIONS.EXPIRES_AT.desc()).limit(1)).as("profession");
        Field<String> specialty = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(CLINICIAN_APPLICATIONS.SPECIALTY)
                .from(CLINICIAN_APPLICATIONS).where(verifiedAuthor).orderBy(CLINICIAN_APPLICATIONS.EXPIRES_AT.desc()).limit(1)).as("specialty");
        Field<Boolean> marked = exists(selectOne().from(EXPERT_PATIENTS)
                .where(EXPERT_PATIENTS.COMMUNITY_ID.eq(EVIDENCE_NOTES.COMMUNITY_ID), EXPERT_PATIENTS.MEMBER_ID.eq(EVIDENCE_NOTES.AUTHOR_ID)))
                .as("marked");
        Field<Boolean> advisor = exists(selectOne().from(COMMUNITY_ADVISORS)
                .where(COMMUNITY_ADVISORS.COMMUNITY_ID.eq(EVIDENCE_NOTES.COMMUNITY_ID), COMMUNITY_ADVISORS.MEMBER_ID.eq(EVIDENCE_NOTES.AUTHOR_ID),
                        COMMUNITY_ADVISORS.ACCEPTED.isTrue(), COMMUNITY_ADVISORS.ENDED_AT.isNull())).as("advisor");
        String reader = readerId == null ? "" : readerId; // no member has an empty id: every "reader" column is false then
        Field<Boolean> rated = org.jooq.impl.DSL.field(org.jooq.impl.DSL.select(EVIDENCE_NOTE_RATINGS.HELPFUL).from(EVIDENCE_NOTE_RATINGS)
                .where(EVIDENCE_NOTE_RATINGS.NOTE_ID.eq(EVIDENCE_NOTES.ID), EVIDENCE_NOTE_RATINGS.RATER_ID.eq(reader))).as("rated");
        Field<Boolean> readerVerified = exists(selectOne().from(CLINICIAN_APPLICATIONS)
                .where(CLINICIAN_APPLICATIONS.MEMBER_ID.eq(reader), inForce(now))).as("reader_verified");
        Field<Boolean> readerAdvisor = exists(selectOne().from(COMMUNITY_ADVISORS).where(serving(communityId, reader))).as("reader_advisor");
        Field<Boolean> readerExpert = exists(selectOne().from(EXPERT_PATIENTS)
                .where(EXPERT_PATIENTS.COMMUNITY_ID.eq(communityId), EXPERT_PATIENTS.MEMBER_ID.eq(reader))).as("reader_expert");
        Field<Boolean> expertsWrite = exists(selectOne().from(EVIDENCE_NOTE_POLICIES)
                .where(EVIDENCE_NOTE_POLICIES.COMMUNITY_ID.eq(communityId), EVIDENCE_NOTE_POLICIES.EXPERT_PATIENTS_WRITE.isTrue())).as("experts_write");
        Condition onThesePosts = postIds.isEmpty() ? org.jooq.impl.DSL.falseCondition()
                : EVIDENCE_NOTES.COMMUNITY_ID.eq(communityId).and(EVIDENCE_NOTES.POST_ID.in(postIds));
        var rows = db.select(EVIDENCE_NOTES.asterisk(), verified, profession, specialty, marked, advisor, rated,
                        readerVerified, readerAdvisor, readerExpert, expertsWrite)
                .from(selectOne().asTable("one")).leftJoin(EVIDENCE_NOTES).on(onThesePosts)
                .orderBy(EVIDENCE_NOTES.WRITTEN_AT).fetch();
        Record first = rows.get(0);
        NoteWriters writers = new NoteWriters(Boolean.TRUE.equals(first.get("reader_verified", Boolean.class)),
                Boolean.TRUE.equals(first.get("reader_advisor", Boolean.class)), Boolean.TRUE.equals(first.get("reader_expert", Boolean.class)),
                Boolean.TRUE.equals(first.get("experts_write", Boolean.class)));
        List<OnPage> notes = rows.stream().filter(r -> r.get(EVIDENCE_NOTES.ID) != null).map(r -> {
            Stored note = stored(r);
            // an expert patient's note stands while they are marked and the owners let expert patients write notes
            boolean standing = note.authorKind() == AuthorKind.CLINICIAN ? Boolean.TRUE.equals(r.get("verified", Boolean.class))
                    : Boolean.TRUE.equals(r.get("marked", Boolean.class)) && writers.expertPatientsWrite();
            boolean byAdvisor = standing && note.authorKind() == AuthorKind.CLINICIAN && Boolean.TRUE.equals(r.get("advisor", Boolean.class));
            return new OnPage(note, r.get(EVIDENCE_NOTES.POST_AUTHOR_ID), standing, byAdvisor, r.get("profession", String.class),
                    r.get("specialty", String.class), r.get("rated", Boolean.class));
        }).toList();
        return new Page(notes, writers);
    }

    private static Condition inForce(long now) {
        return CLINICIAN_APPLICATIONS.STATUS.eq(Applications.APPROVED).and(CLINICIAN_APPLICATIONS.REVOKED_AT.isNull())
                .and(CLINICIAN_APPLICATIONS.EXPIRES_AT.gt(now));
    }

    /** The post ids of these notes of a community, for reading them as {@link #onPosts} does. */
    Map<String, String> postIdsOf(String communityId, Collection<String> noteIds) {
        return db.select(EVIDENCE_NOTES.ID, EVIDENCE_NOTES.POST_ID).from(EVIDENCE_NOTES)
                .where(EVIDENCE_NOTES.COMMUNITY_ID.eq(communityId), EVIDENCE_NOTES.ID.in(noteIds)).fetchMap(EVIDENCE_NOTES.ID, EVIDENCE_NOTES.POST_ID);
    }

    /** Notes of the community that still need ratings, newest first, not the reader's own and not yet rated by them. */
    List<Stored> needingRatings(String communityId, String readerId, int limit) {
        return db.selectFrom(EVIDENCE_NOTES)
                .where(EVIDENCE_NOTES.COMMUNITY_ID.eq(communityId), EVIDENCE_NOTES.STATUS.eq(NEEDS_RATINGS),
                        EVIDENCE_NOTES.AUTHOR_ID.ne(readerId), EVIDENCE_NOTES.POST_AUTHOR_ID.ne(readerId),
                        org.jooq.impl.DSL.notExists(selectOne().from(EVIDENCE_NOTE_RATINGS)
                                .where(EVIDENCE_NOTE_RATINGS.NOTE_ID.eq(EVIDENCE_NOTES.ID), EVIDENCE_NOTE_RATINGS.RATER_ID.eq(readerId))))
                .orderBy(EVIDENCE_NOTES.WRITTEN_AT.desc()).limit(limit).fetch(EvidenceNotes::stored);
    }

    /** The notes this member wrote, newest first. */
    List<Stored> by(String authorId) {
        return db.selectFrom(EVIDENCE_NOTES).where(EVIDENCE_NOTES.AUTHOR_ID.eq(authorId)).orderBy(EVIDENCE_NOTES.WRITTEN_AT.desc())
                .fetch(EvidenceNotes::stored);
    }

    static Stored stored(Record r) {
        return new Stored(r.get(EVIDENCE_NOTES.ID), r.get(EVIDENCE_NOTES.COMMUNITY_ID), r.get(EVIDENCE_NOTES.POST_ID),
                r.get(EVIDENCE_NOTES.AUTHOR_ID), AuthorKind.valueOf(r.get(EVIDENCE_NOTES.AUTHOR_KIND)), Stance.valueOf(r.get(EVIDENCE_NOTES.STANCE)),
                r.get(EVIDENCE_NOTES.EXPLANATION_HTML), Citation.fromLines(r.get(EVIDENCE_NOTES.CITATIONS)), r.get(EVIDENCE_NOTES.STATUS),
                r.get(EVIDENCE_NOTES.WRITTEN_AT));
    }
}
