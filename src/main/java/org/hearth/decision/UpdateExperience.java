package org.hearth.decision;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.text.Markdown;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member adds to their experience later ("six months later: ..."): the update joins its
 * timeline, never replacing what they wrote first, and what they say now about choosing it
 * again is what the counts take.
 */
@Service
public class UpdateExperience {

    public record Input(Access access, Viewer author, String topicId, String body, WouldChooseAgain wouldAgain) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
            Objects.requireNonNull(body);
            Objects.requireNonNull(wouldAgain);
        }
    }

    public sealed interface Outcome {
        record Updated(Conversations.Location location) implements Outcome {
        }

        /** They have no experience of this decision standing (none, or its post deleted), or there is no such decision. */
        record NoExperience() implements Outcome {
        }

        /** They may not write here now (left, muted, suspended). */
        record NotAMember() implements Outcome {
        }

        record Locked() implements Outcome {
        }

        /** They added to it less than a day ago: a timeline, not a chat; {@code from} is when they may again. */
        record TooSoon(java.time.Instant from) implements Outcome {
        }
    }

    /** How long after an update the next may be added. */
    static final java.time.Duration BETWEEN_UPDATES = java.time.Duration.ofDays(1);

    private final Experiences experiences;
    private final DecisionTopics decisionTopics;
    private final Conversations conversations;
    private final Markdown markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    UpdateExperience(Experiences experiences, DecisionTopics decisionTopics, Conversations conversations, Markdown markdown, Clock clock,
            ApplicationEventPublisher events, PlatformTransactionManager transactionManager) {
        this.decisionTopics = decisionTopics;
        this.experiences = experiences;
        this.conversations = conversations;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Outcome run(Input input) {
        Access access = input.access();
        if (!access.canPost()) {
            return new Outcome.NotAMember();
        }
        var opening = conversations.opening(access, input.topicId());
        if (opening.isEmpty() || decisionTopics.concealedFrom(access, input.author(), input.topicId())) {
            return new Outcome.NoExperience();
        }
        Optional<Conversations.WrittenBy> theirs = experiences.of(input.topicId(), input.author().memberId())
                .flatMap(postId -> conversations.writtenBy(access, postId)).filter(written -> !written.deleted());
        if (theirs.isEmpty()) {
            return new Outcome.NoExperience();
        }
        if (opening.get().locked() && !access.canModerate()) {
            return new Outcome.Locked();
        }
        String postId = theirs.get().location().postId();
        String html = markdown.toSafeHtml(input.body()); // before the transaction: on SQLite it holds the one write lock
        long now = clock.millis();
        Outcome refused = transactions.execute(status -> {
            Long last = experiences.lastUpdateAt(postId);
            if (last != null && now - last < BETWEEN_UPDATES.toMillis()) {
                return new Outcome.TooSoon(java.time.Instant.ofEpochMilli(last + BETWEEN_UPDATES.toMillis()));
            }
            // false: its post was deleted and the experience forgotten meanwhile
            return experiences.addUpdate(postId, input.body(), html, input.wouldAgain(), now) ? null : new Outcome.NoExperience();
        });
        if (refused != null) {
            return refused;
        }
        events.publishEvent(new ExperienceUpdated(access.community().id(), input.topicId(), postId, input.author().memberId(),
                theirs.get().anonymous()));
        return new Outcome.Updated(theirs.get().location());
    }
}
