package org.hearth.blocking;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member mutes a topic they can read: it leaves their topic lists, and stays reachable by its link. */
@Service
public class MuteTopic {

    public record Input(Access access, Viewer member, String topicId) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(member, "only a signed-in member mutes");
        }
    }

    public sealed interface Outcome {
        record Muted(String topicId) implements Outcome {
        }

        /** No such topic in this community, or not one the member may read: answered like a missing page. */
        record NoSuchTopic() implements Outcome {
        }

        record AlreadyMuted(String topicId) implements Outcome {
        }
    }

    private final Blocks blocks;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    MuteTopic(Blocks blocks, Conversations conversations, ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.conversations = conversations;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        return readable(input).orElseGet(() -> mute(input));
    }

    private Optional<Outcome> readable(Input input) {
        return conversations.latestPosition(input.access(), input.topicId()).isPresent()
                ? Optional.empty() : Optional.of(new Outcome.NoSuchTopic());
    }

    /** Not muted yet is checked by the insert itself. */
    private Outcome mute(Input input) {
        if (!blocks.mute(input.member().memberId(), input.topicId(), clock.millis())) {
            return new Outcome.AlreadyMuted(input.topicId());
        }
        events.publishEvent(new TopicMuted(input.member().memberId(), input.topicId()));
        return new Outcome.Muted(input.topicId());
    }
}
