package org.hearth.clinician;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site administrator or site reviewer approves or rejects a waiting application, with a reason
 * the applicant reads. An approval lasts {@code hearth.clinicians.verified-for} (a year by
 * default). No one decides their own application; of two reviewers deciding at once, one wins
 * and the other is told.
 */
@Service
public class DecideApplication {

    public static final int REASON_MAX = 1000;

    /** {@code approve}: true to approve, false to reject, null when the reviewer chose neither. */
    public record Input(Viewer reviewer, String applicationId, Boolean approve, String reason) {
        public Input {
            Objects.requireNonNull(reviewer, "only a signed-in reviewer decides");
        }
    }

    public sealed interface Outcome {
        record Approved(long until) implements Outcome {
        }

        record Rejected() implements Outcome {
        }

        /** Not a reviewer, or no such application: told alike. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record ChoiceMissing() implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record ReasonTooLong(int max) implements Outcome {
        }

        /** Their own application: another reviewer decides it. */
        record OwnApplication() implements Outcome {
        }

        /** Decided meanwhile by another reviewer, or withdrawn by its applicant. */
        record NotWaiting() implements Outcome {
        }
    }

    private final Reviewers reviewers;
    private final Applications applications;
    private final ClinicianSettings settings;
    private final ClinicianNotices notices;
    private final ApplicationEventPublisher events;

    DecideApplication(Reviewers reviewers, Applications applications, ClinicianSettings settings, ClinicianNotices notices,
            ApplicationEventPublisher events) {
        this.reviewers = reviewers;
        this.applications = applications;
        this.settings = settings;
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
        if (input.approve() == null) {
            return new Outcome.ChoiceMissing();
        }
        if (reason.isEmpty()) {
            return new Outcome.ReasonMissing();
        }
        if (reason.length() > REASON_MAX) {
            return new Outcome.ReasonTooLong(REASON_MAX);
        }
        Long until = input.approve() ? applications.now() + settings.verifiedFor().toMillis() : null;
        if (!applications.decide(application.id(), input.approve() ? Applications.APPROVED : Applications.REJECTED,
                input.reviewer().memberId(), ready.role(), reason, until)) {
            return new Outcome.NotWaiting();
        }
        if (input.approve()) {
            applications.renewed(application.memberId(), application.id());
        }
        notices.decided(application.memberId());
        events.publishEvent(new ApplicationDecided(application.id(), application.memberId(), input.approve(), false));
        return input.approve() ? new Outcome.Approved(until) : new Outcome.Rejected();
    }
}
