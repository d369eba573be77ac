package org.hearth.notification;

import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member stops notifications on a browser: one from their list (any of theirs, also a lost
 * phone), or the one they are using, named by its push service's address. Messages still
 * waiting for it in the outbox are dropped when their turn comes.
 */
@Service
public class TurnOffPush {

    /** Names the browser either by its id in the member's list or by its push address. */
    public record Input(Viewer member, String browserId, String endpoint) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member turns push off");
        }
    }

    public sealed interface Outcome {
        record TurnedOff() implements Outcome {
        }

        /** No browser of this member's by that name: already off, or never theirs. */
        record NotFound() implements Outcome {
        }
    }

    private final DSLContext db;

    TurnOffPush(DSLContext db) {
        this.db = db;
    }

    @Transactional
    public Outcome run(Input input) {
        Condition which;
        if (input.browserId() != null && !input.browserId().isBlank()) {
            which = PUSH_SUBSCRIPTIONS.ID.eq(input.browserId());
        } else if (input.endpoint() != null && !input.endpoint().isBlank() && input.endpoint().length() <= PushAddress.LONGEST_ENDPOINT) {
            which = PUSH_SUBSCRIPTIONS.ENDPOINT_HASH.eq(PushAddress.digestOf(input.endpoint().strip()));
        } else {
            return new Outcome.NotFound();
        }
        int gone = db.deleteFrom(PUSH_SUBSCRIPTIONS).where(which, PUSH_SUBSCRIPTIONS.MEMBER_ID.eq(input.member().memberId())).execute();
        return gone == 0 ? new Outcome.NotFound() : new Outcome.TurnedOff();
    }
}
