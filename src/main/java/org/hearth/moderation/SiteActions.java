package org.hearth.moderation;

import static org.hearth.moderation.schema.Tables.SITE_ACTIONS;

import java.time.Clock;
import java.util.List;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The site's own moderation log: what site administrators did to accounts, in the caller's transaction. */
@Component
class SiteActions {

    static final String SUSPEND = "SUSPEND";
    static final String LIFT = "LIFT";

    private final DSLContext db;
    private final Clock clock;

    SiteActions(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    long now() {
        return clock.millis();
    }

    void record(String action, String memberId, String reason, String adminId, Long until) {
        db.insertInto(SITE_ACTIONS).set(SITE_ACTIONS.ID, RandomId.next()).set(SITE_ACTIONS.ACTION, action)
                .set(SITE_ACTIONS.MEMBER_ID, memberId).set(SITE_ACTIONS.REASON, reason).set(SITE_ACTIONS.ADMIN_ID, adminId)
                .set(SITE_ACTIONS.UNTIL_AT, until).set(SITE_ACTIONS.ACTED_AT, now()).execute();
    }

    record Logged(String action, String memberId, String reason, String adminId, Long until, long actedAt) {
    }

    /** The latest actions, newest first. */
    List<Logged> latest(int limit) {
        return db.selectFrom(SITE_ACTIONS).orderBy(SITE_ACTIONS.ACTED_AT.desc(), SITE_ACTIONS.ID).limit(limit)
                .fetch(r -> new Logged(r.getAction(), r.getMemberId(), r.getReason(), r.getAdminId(), r.getUntilAt(), r.getActedAt()));
    }
}
