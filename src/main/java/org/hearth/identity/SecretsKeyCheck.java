package org.hearth.identity;

import static org.hearth.identity.schema.Tables.SECOND_FACTORS;

import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tries the secrets key on every stored authenticator secret once at start, so that a site
 * restored without its key (or a node given another one) says so in its log before the first
 * member is turned away at sign-in. One line, with counts only: it names no member.
 */
@Component
class SecretsKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(SecretsKeyCheck.class);

    private final DSLContext db;
    private final SecretBox box;

    SecretsKeyCheck(DSLContext db, SecretBox box) {
        this.db = db;
        this.box = box;
    }

    /** The number of accounts whose authenticator secret this key does not open, and of all that have one. */
    record Result(int unopened, int enrolled) {
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        Result result = check();
        if (result.unopened() > 0) {
            LOG.error("{} of {} accounts with an authenticator app have a secret that this server's secrets key does not "
                    + "open (a restore without its secrets.key, or another hearth.secrets.key): put back the key the "
                    + "secrets were made with (hearth.secrets.key, or secrets.key in the data directory, from the same "
                    + "backup; every node needs the same one) and restart. Until then those members sign in with "
                    + "recovery codes.", result.unopened(), result.enrolled());
        }
    }

    Result check() {
        int unopened = 0;
        int enrolled = 0;
        try (var rows = db.select(SECOND_FACTORS.MEMBER_ID, SECOND_FACTORS.SECRET).from(SECOND_FACTORS)
                .where(SECOND_FACTORS.SECRET.isNotNull()).fetchSize(500).fetchLazy()) {
            for (var row : rows) {
                enrolled++;
                try {
                    box.open(row.value2(), row.value1());
                } catch (SecretBox.KeyMismatch lost) {
                    unopened++;
                }
            }
        }
        return new Result(unopened, enrolled);
    }
}
