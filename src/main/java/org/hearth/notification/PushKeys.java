package org.hearth.notification;

import static org.hearth.notification.schema.Tables.PUSH_KEYS;

import com.interaso.webpush.VapidKeys;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import org.hearth.identity.SecretBox;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * The site's VAPID key pair (RFC 8292), which push services use to know messages come from this
 * site: made the first time it is needed, kept in the database so every node signs with the same
 * one, its private half sealed with the site's key like the other secrets. Browsers subscribe
 * with the public half; a new pair would orphan every subscription, so it is never replaced.
 */
@Component
class PushKeys {

    private static final int THE_ONE = 1;
    private static final String SEALED_FOR = "vapid";

    private final DSLContext db;
    private final SecretBox box;
    private final Clock clock;
    private volatile VapidKeys keys;

    PushKeys(DSLContext db, SecretBox box, Clock clock) {
        this.db = db;
        this.box = box;
        this.clock = clock;
    }

    VapidKeys keys() {
        VapidKeys known = keys;
        if (known == null) {
            synchronized (this) {
                known = keys;
                if (known == null) {
                    known = loadOrMake();
                    keys = known;
                }
            }
        }
        return known;
    }

    /** The public key as a browser's {@code pushManager.subscribe} takes it. */
    String applicationServerKey() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(keys().getApplicationServerKey());
    }

    private VapidKeys loadOrMake() {
        var row = db.select(PUSH_KEYS.PUBLIC_KEY, PUSH_KEYS.PRIVATE_KEY).from(PUSH_KEYS).where(PUSH_KEYS.ID.eq(THE_ONE)).fetchOne();
        if (row == null) {
            VapidKeys made = VapidKeys.generate();
            db.insertInto(PUSH_KEYS).set(PUSH_KEYS.ID, THE_ONE).set(PUSH_KEYS.PUBLIC_KEY, made.getX509PublicKey())
                    .set(PUSH_KEYS.PRIVATE_KEY, box.seal(made.getPkcs8PrivateKey().getBytes(StandardCharsets.US_ASCII), SEALED_FOR))
                    .set(PUSH_KEYS.CREATED_AT, clock.millis()).onConflictDoNothing().execute();
            // another node may have made its pair first: the stored one is the site's
            row = db.select(PUSH_KEYS.PUBLIC_KEY, PUSH_KEYS.PRIVATE_KEY).from(PUSH_KEYS).where(PUSH_KEYS.ID.eq(THE_ONE)).fetchOne();
        }
        return VapidKeys.create(row.value1(), new String(box.open(row.value2(), SEALED_FOR), StandardCharsets.US_ASCII));
    }
}
