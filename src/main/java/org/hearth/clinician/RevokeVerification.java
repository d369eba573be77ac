package org.hearth.clinician;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site administrator or site reviewer revokes an approval in force, with a reason the
 * clinician reads: from then on they are not verified anywhere (an earlier approval a renewal
 * overlaps is revoked with it). Not one's own.
 */
@Service
public class RevokeVerification {

    public record Input(Viewer reviewer, String applicationId, String reason) {
        public Input {
            Objects.requireNonNull(reviewer, "only a signed-in reviewer revokes");
        }
    }

    public sealed interface Outcome {
        record Revoked() implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record ReasonTooLong(int max) implements Outcome {
        }

        record OwnApplication() implements Outcome {
        }

        /** Not an approval in force: never approved, expired, or revoked meanwhile. */
        record NotInForce() implements Outcome {
        }
    }

    private final Reviewers reviewers;
    private final Applications applications;
    private final ClinicianNotices notices;
    private final ApplicationEventPublisher events;

    RevokeVerification(Reviewers reviewers, Applications applications, ClinicianNotices notices, ApplicationEventPublisher events) {
        this.reviewers = reviewers;
        this.applications = applications;
        this.notices = notices;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Reviewers.Acting acting = reviewers.acting(input.reviewer(), input.applicationId());
        if (!(acting instanceof Reviewers.Acting.Ready ready)) {
            return switch (acting) {
                case Reviewers.Acting.SecondFactorNeeded s -> new Outcome.SecondFactorNeeded();
                case Reviewers.Acting.OwnApplication o -> new Outcome.OwnApplication();
                default -> new Outcome.NotFound();
            };
        }
        Applications.Stored application = ready.application();
        String reason = input.reason() == null ? "" : input.reason().strip();
        if (reason.isEmpty()) {
            return new Outcome.ReasonMissing();
        }
        if (reason.length() > DecideApplication.REASON_MAX) {
            return new Outcome.ReasonTooLong(DecideApplication.REASON_MAX);
        }
        if (!applications.revoke(application.id(), application.memberId(), input.reviewer().memberId(), ready.role(), reason)) {
            return new Outcome.NotInForce();
        }
        notices.decided(application.memberId());
        events.publishEvent(new ApplicationDecided(application.id(), application.memberId(), false, true));
        return new Outcome.Revoked();
    }
}
