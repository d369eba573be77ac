package org.hearth.notification;

import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;

import java.util.List;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/** The browsers a member turned push on for, as their settings page lists them, and the key a browser subscribes with. */
@Component
public class PushBrowsers {

    /**
     * One browser: what it is called, since when, when it was last sent something (null: never),
     * and the digest of its push address, by which the browser's own page recognises itself.
     */
    public record Browser(String id, String name, long since, Long lastSent, String digest) {
    }

    private final DSLContext db;
    private final PushKeys keys;

    PushBrowsers(DSLContext db, PushKeys keys) {
        this.db = db;
        this.keys = keys;
    }

    public List<Browser> of(Viewer member) {
        return db.select(PUSH_SUBSCRIPTIONS.ID, PUSH_SUBSCRIPTIONS.BROWSER, PUSH_SUBSCRIPTIONS.CREATED_AT, PUSH_SUBSCRIPTIONS.LAST_SENT_AT,
                        PUSH_SUBSCRIPTIONS.ENDPOINT_HASH).from(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.MEMBER_ID.eq(member.memberId()))
                .orderBy(PUSH_SUBSCRIPTIONS.CREATED_AT, PUSH_SUBSCRIPTIONS.ID)
                .fetch(r -> new Browser(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }

    /** The site's public VAPID key, base64url, made on first use. */
    public String applicationServerKey() {
        return keys.applicationServerKey();
    }
}
