package org.hearth.blocking;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member unmutes a topic: it is back in their lists. Works also for a topic they can no longer
 * read (they left its community): the mute is theirs to take back.
 */
@Service
public class UnmuteTopic {

    public record Input(Viewer member, String topicId) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member unmutes");
        }
    }

    public sealed interface Outcome {
        record Unmuted(String topicId) implements Outcome {
        }

        /** It was not muted (unmuted already, perhaps in another tab). */
        record NotMuted() implements Outcome {
        }
    }

    private final Blocks blocks;
    private final ApplicationEventPublisher events;

    UnmuteTopic(Blocks blocks, ApplicationEventPublisher events) {
        this.blocks = blocks;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        if (input.topicId() == null || !blocks.unmute(input.member().memberId(), input.topicId())) {
            return new Outcome.NotMuted();
        }
        events.publishEvent(new TopicUnmuted(input.member().memberId(), input.topicId()));
        return new Outcome.Unmuted(input.topicId());
    }
}
