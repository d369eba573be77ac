package org.hearth.crisis;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A writer who saw the crisis resources before publishing chose to let the community's
 * moderators know about their post: an alert on the moderators' support list.
 */
@Service
public class LetModeratorsKnow {

    public record Input(Access access, Viewer writer, String postId) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(writer);
        }
    }

    public sealed interface Outcome {
        record Told(String alertId) implements Outcome {
        }

        /** The moderators already have an alert about this post they have not handled: not told twice. */
        record AlreadyTold() implements Outcome {
        }

        /** Not a post of theirs that they may read in this community. */
        record NotYourPost() implements Outcome {
        }
    }

    private final Conversations conversations;
    private final SupportAlerts alerts;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    LetModeratorsKnow(Conversations conversations, SupportAlerts alerts, ApplicationEventPublisher events, Clock clock) {
        this.conversations = conversations;
        this.alerts = alerts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        var post = conversations.writtenBy(input.access(), input.postId())
                .filter(p -> p.authorId().equals(input.writer().memberId()));
        if (post.isEmpty()) {
            return new Outcome.NotYourPost();
        }
        return notToldYet(input).orElseGet(() -> {
            String communityId = input.access().community().id();
            String alertId = alerts.add(communityId, input.postId(), SupportAlerts.Kind.ASKED, input.writer().memberId(),
                    post.get().anonymous(), null, null, clock.millis());
            events.publishEvent(new SupportAsked(communityId, input.postId(), alertId));
            return new Outcome.Told(alertId);
        });
    }

    private Optional<Outcome> notToldYet(Input input) {
        return alerts.askedAndOpen(input.postId(), input.writer().memberId())
                ? Optional.of(new Outcome.AlreadyTold()) : Optional.empty();
    }
}
