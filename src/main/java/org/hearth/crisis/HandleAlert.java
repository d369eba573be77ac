package org.hearth.crisis;

import java.time.Clock;
import java.util.Objects;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A moderator marks a support alert of their community as handled: it moves below the open ones. */
@Service
public class HandleAlert {

    public record Input(Access access, Viewer moderator, String alertId) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(moderator);
        }
    }

    public sealed interface Outcome {
        record Handled() implements Outcome {
        }

        /** Another moderator (or they, in another tab) handled it first. */
        record AlreadyHandled() implements Outcome {
        }

        /** Holds a moderator's role but has not confirmed a second factor in this sign-in. */
        record SecondFactorNeeded() implements Outcome {
        }

        /** Not a moderator here, or no such alert in this community: the same answer, so neither is told apart. */
        record NotFound() implements Outcome {
        }
    }

    private final SupportAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    HandleAlert(SupportAlerts alerts, ApplicationEventPublisher events, Clock clock) {
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        Access access = input.access();
        if (!access.moderates()) {
            return new Outcome.NotFound();
        }
        if (!access.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        String communityId = access.community().id();
        var alert = alerts.inCommunity(communityId, input.alertId());
        if (alert.isEmpty()) {
            return new Outcome.NotFound();
        }
        if (!alerts.handle(alert.get().id(), input.moderator().memberId(), clock.millis())) {
            return new Outcome.AlreadyHandled();
        }
        events.publishEvent(new AlertHandled(communityId, alert.get().id(), input.moderator().memberId()));
        return new Outcome.Handled();
    }
}
