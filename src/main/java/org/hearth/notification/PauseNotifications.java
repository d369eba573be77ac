package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_SETTINGS;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A member pauses notifications for a day or a week, or resumes them: while paused no e-mail is
 * sent for them (nor queued to come later); the notifications page still lists everything, so
 * nothing is lost.
 */
@Service
public class PauseNotifications {

    /** For how long; {@code null} resumes at once. */
    public record Input(Viewer member, Duration pause) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member pauses");
            if (pause != null && (pause.isNegative() || pause.compareTo(Duration.ofDays(7)) > 0)) {
                throw new IllegalArgumentException("a pause lasts at most a week");
            }
        }
    }

    public sealed interface Outcome {
        record Paused(long until) implements Outcome {
        }

        record Resumed() implements Outcome {
        }
    }

    private final DSLContext db;
    private final Clock clock;

    PauseNotifications(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Outcome run(Input input) {
        Long until = input.pause() == null ? null : clock.millis() + input.pause().toMillis();
        db.insertInto(NOTIFICATION_SETTINGS).set(NOTIFICATION_SETTINGS.MEMBER_ID, input.member().memberId())
                .set(NOTIFICATION_SETTINGS.PAUSED_UNTIL, until)
                .onConflict(NOTIFICATION_SETTINGS.MEMBER_ID).doUpdate().set(NOTIFICATION_SETTINGS.PAUSED_UNTIL, until).execute();
        return until == null ? new Outcome.Resumed() : new Outcome.Paused(until);
    }
}
