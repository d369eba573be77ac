package org.hearth.identity;

import static org.hearth.identity.schema.Tables.LINK_REQUESTS;

import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Component;

/**
 * Requests for a reset or sign-in link, as they were typed, waiting for the mail worker. Asking
 * writes one row and nothing else, whether or not an account matches: looking the account up,
 * issuing the link and writing the mail happen afterwards, so the answer cannot be timed to
 * tell who has an account.
 */
@Component
class LinkRequests {

    record Asked(String id, EmailLinks.Purpose purpose, String asked, long createdAt) {
    }

    private final DSLContext db;
    private final Clock clock;

    LinkRequests(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    void ask(EmailLinks.Purpose purpose, String asked) {
        db.insertInto(LINK_REQUESTS).set(LINK_REQUESTS.ID, RandomId.next()).set(LINK_REQUESTS.PURPOSE, purpose.name())
                .set(LINK_REQUESTS.ASKED, asked).set(LINK_REQUESTS.CREATED_AT, clock.millis()).execute();
    }

    /**
     * The oldest requests still waiting after {@code after} (null: from the start), so one run
     * goes past requests that keep failing instead of stopping at them.
     */
    List<Asked> waiting(int count, Asked after) {
        return db.select(LINK_REQUESTS.ID, LINK_REQUESTS.PURPOSE, LINK_REQUESTS.ASKED, LINK_REQUESTS.CREATED_AT)
                .from(LINK_REQUESTS)
                .where(after == null ? DSL.noCondition()
                        : DSL.row(LINK_REQUESTS.CREATED_AT, LINK_REQUESTS.ID).gt(after.createdAt(), after.id()))
                .orderBy(LINK_REQUESTS.CREATED_AT, LINK_REQUESTS.ID).limit(count)
                .fetch(r -> new Asked(r.get(LINK_REQUESTS.ID), EmailLinks.Purpose.valueOf(r.get(LINK_REQUESTS.PURPOSE)),
                        r.get(LINK_REQUESTS.ASKED), r.get(LINK_REQUESTS.CREATED_AT)));
    }

    /**
     * Drops requests older than a link lives: whoever asked has given up or asked again, and what
     * they typed is not kept longer than it can help them.
     */
    int forgetOlderThan(long cutoffMillis) {
        return db.deleteFrom(LINK_REQUESTS).where(LINK_REQUESTS.CREATED_AT.lt(cutoffMillis)).execute();
    }

    /** Takes a request to answer it; false when another node took it first. */
    boolean take(String id) {
        return db.deleteFrom(LINK_REQUESTS).where(LINK_REQUESTS.ID.eq(id)).execute() == 1;
    }
}
