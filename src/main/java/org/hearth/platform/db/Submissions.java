package org.hearth.platform.db;

import static org.hearth.platform.schema.Tables.SUBMISSIONS;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * One-time keys of the forms that create something, so that a submission sent twice (a double
 * click, a retry after an error, the browser posting again) is stored once. A form carries a
 * fresh key ({@link #newKey}); the use case that stores claims it in its own transaction before
 * writing and records what it created, so the key commits with the result or not at all, and the
 * primary key (member, key) decides between two submissions racing on any number of nodes.
 * Keys are kept for {@code hearth.submissions.kept-for}: a repeat after that is stored again.
 */
@Service
public class Submissions {

    private final DSLContext db;
    private final Clock clock;
    private final Duration keptFor;

    Submissions(DSLContext db, Clock clock, @Value("${hearth.submissions.kept-for:7d}") Duration keptFor) {
        this.db = db;
        this.clock = clock;
        this.keptFor = keptFor;
    }

    /** A key for a form being shown. */
    public static String newKey() {
        return RandomId.next();
    }

    /** The key as a form sent it, or null when it sent none worth looking up (then nothing is recognised). */
    public static String keyOf(String sent) {
        return RandomId.looksValid(sent) ? sent : null;
    }

    /** What a claim found. */
    public sealed interface Claim {
        /** The key is new: store, then {@link #record} what was created. */
        record First() implements Claim {
        }

        /** An earlier submission with this key stored {@code created} (as its feature names it). */
        record Repeat(String created) implements Claim {
        }
    }

    /**
     * Claims the key, inside the transaction that will store the submission. Where another
     * transaction holds the same key and has not finished, this waits for it (PostgreSQL's
     * unique index; SQLite has one writer at a time) and then sees what it stored.
     */
    public Claim claim(String memberId, String key) {
        int inserted = db.insertInto(SUBMISSIONS).set(SUBMISSIONS.MEMBER_ID, memberId).set(SUBMISSIONS.SUBMISSION_KEY, key)
                .set(SUBMISSIONS.CREATED_AT, clock.millis()).onConflictDoNothing().execute();
        if (inserted == 1) {
            return new Claim.First();
        }
        return created(memberId, key).<Claim>map(Claim.Repeat::new).orElseGet(Claim.First::new);
    }

    /** What the submission created, in the transaction that claimed its key. */
    public void record(String memberId, String key, String created) {
        db.update(SUBMISSIONS).set(SUBMISSIONS.CREATED, created)
                .where(SUBMISSIONS.MEMBER_ID.eq(memberId), SUBMISSIONS.SUBMISSION_KEY.eq(key)).execute();
    }

    /** The submission was refused and stored nothing: the same form may be sent again and be stored then. */
    public void release(String memberId, String key) {
        db.deleteFrom(SUBMISSIONS).where(SUBMISSIONS.MEMBER_ID.eq(memberId), SUBMISSIONS.SUBMISSION_KEY.eq(key)).execute();
    }

    /** What a committed submission with this key created; empty when none committed. */
    public Optional<String> created(String memberId, String key) {
        return db.select(SUBMISSIONS.CREATED).from(SUBMISSIONS)
                .where(SUBMISSIONS.MEMBER_ID.eq(memberId), SUBMISSIONS.SUBMISSION_KEY.eq(key), SUBMISSIONS.CREATED.isNotNull())
                .fetchOptional(SUBMISSIONS.CREATED);
    }

    /** The member deleted their account. */
    public void forgetMember(String memberId) {
        db.deleteFrom(SUBMISSIONS).where(SUBMISSIONS.MEMBER_ID.eq(memberId)).execute();
    }

    @Scheduled(fixedDelayString = "1h", initialDelayString = "5m")
    void forgetOldKeys() {
        db.deleteFrom(SUBMISSIONS).where(SUBMISSIONS.CREATED_AT.lt(clock.millis() - keptFor.toMillis())).execute();
    }
}
