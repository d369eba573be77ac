package org.hearth.clinician;

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
import org.hearth.platform.db.Placeholders;
import org.springframework.jdbc.core.simple.JdbcClient;
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
    private final JdbcClient jdbc;
    private final Clock clock;

    EvidenceNotes(DSLContext db, JdbcClient jdbc, Clock clock) {
        this.db = db;
        this.jdbc = jdbc;
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
     *
     * <p>SQL text run over plain JDBC: it runs on every topic page, and going through jOOQ (its
     * DSL, then even as plain SQL, which jOOQ still parses and reads the result's metadata for)
     * cost several times what running it does (JFR profiles of the signed-in topic page
     * benchmark, docs/topic-page-cost.md). Both engines read this SQL alike.
     */
    Page onPosts(String communityId, Collection<String> postIds, String readerId) {
        long now = now();
        String reader = readerId == null ? "" : readerId; // no member has an empty id: every "reader" column is false then
        List<Object> binds = new java.util.ArrayList<>(List.of(now, now, now, reader, reader, now, communityId, reader, communityId, reader,
                communityId));
        String posts;
        if (postIds.isEmpty()) {
            posts = "1 = 0";
        } else {
            posts = "n.community_id = ? and n.post_id in (" + Placeholders.of(postIds.size()) + ")";
            binds.add(communityId);
            binds.addAll(postIds);
        }
        NoteWriters[] writers = new NoteWriters[1];
        List<OnPage> notes = jdbc.sql(ON_POSTS + posts + " order by n.written_at").params(binds).query((rs, row) -> {
            if (writers[0] == null) {
                writers[0] = new NoteWriters(rs.getBoolean("reader_verified"), rs.getBoolean("reader_advisor"), rs.getBoolean("reader_expert"),
                        rs.getBoolean("experts_write"));
            }
            String id = rs.getString("id");
            if (id == null) {
                return null; // the empty row of a page without notes
            }
            Stored note = new Stored(id, rs.getString("community_id"), rs.getString("post_id"), rs.getString("author_id"),
                    AuthorKind.valueOf(rs.getString("author_kind")), Stance.valueOf(rs.getString("stance")), rs.getString("explanation_html"),
                    Citation.fromLines(rs.getString("citations")), rs.getString("status"), rs.getLong("written_at"));
            // an expert patient's note stands while they are marked and the owners let expert patients write notes
            boolean standing = note.authorKind() == AuthorKind.CLINICIAN ? rs.getBoolean("verified")
                    : rs.getBoolean("marked") && writers[0].expertPatientsWrite();
            boolean byAdvisor = standing && note.authorKind() == AuthorKind.CLINICIAN && rs.getBoolean("advisor");
            Boolean rated = rs.getBoolean("rated");
            if (rs.wasNull()) {
                rated = null; // not rated by the reader
            }
            return new OnPage(note, rs.getString("post_author_id"), standing, byAdvisor, rs.getString("profession"),
                    rs.getString("specialty"), rated);
        }).list().stream().filter(java.util.Objects::nonNull).toList();
        return new Page(notes, writers[0]);
    }

    /** An approval in force now, of the member in {@code %s}; the time is bound. */
    private static final String IN_FORCE = "select %s from clinician_applications a where a.member_id = %s and "
            + Applications.inForceSql("a");

    /** Binds, in order: now ×3, the reader ×2, now, the community and the reader ×2, the community; then the posts' condition. */
    private static final String ON_POSTS = "select n.id, n.community_id, n.post_id, n.post_author_id, n.author_id, n.author_kind, n.stance,"
            + " n.explanation_html, n.citations, n.status, n.written_at,"
            + " exists(" + IN_FORCE.formatted("1", "n.author_id") + ") as verified,"
            + " (" + IN_FORCE.formatted("a.profession", "n.author_id") + " order by a.expires_at desc limit 1) as profession,"
            + " (" + IN_FORCE.formatted("a.specialty", "n.author_id") + " order by a.expires_at desc limit 1) as specialty,"
            + " exists(select 1 from expert_patients e where e.community_id = n.community_id and e.member_id = n.author_id) as marked,"
            + " exists(select 1 from community_advisors s where s.community_id = n.community_id and s.member_id = n.author_id"
            + " and s.accepted = true and s.ended_at is null) as advisor,"
            + " (select r.helpful from evidence_note_ratings r where r.note_id = n.id and r.rater_id = ?) as rated,"
            + " exists(" + IN_FORCE.formatted("1", "?") + ") as reader_verified,"
            + " exists(select 1 from community_advisors s where s.community_id = ? and s.member_id = ? and s.accepted = true"
            + " and s.ended_at is null) as reader_advisor,"
            + " exists(select 1 from expert_patients e where e.community_id = ? and e.member_id = ?) as reader_expert,"
            + " exists(select 1 from evidence_note_policies p where p.community_id = ? and p.expert_patients_write = true) as experts_write"
            + " from (select 1 as one) one left join evidence_notes n on ";

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
