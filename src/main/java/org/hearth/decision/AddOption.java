package org.hearth.decision;

import java.time.Clock;
import java.util.Objects;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The decision's author or one of the community's moderators adds an option after it was started
 * (a newly approved treatment, say), up to {@value DecisionTopics#MAX_OPTIONS}.
 */
@Service
public class AddOption {

    public record Input(Access access, Viewer viewer, String topicId, OptionDraft option) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(option);
            if (option.key().isEmpty() || option.name().length() > OptionDraft.MAX_NAME
                    || option.description().length() > OptionDraft.MAX_DESCRIPTION) {
                throw new IllegalArgumentException("an option's shape is checked by its form");
            }
        }
    }

    public sealed interface Outcome {
        record Added(String optionId, Option.AddedBy by) implements Outcome {
        }

        /** No decision the reader may read by that id: the page answers as for any topic not found. */
        record NoSuchDecision() implements Outcome {
        }

        /** Neither the decision's author (able to write here) nor a moderator. */
        record NotAllowed() implements Outcome {
        }

        /** A moderator locked the topic: only moderators change it now. */
        record Locked() implements Outcome {
        }

        record Full(int maximum) implements Outcome {
        }

        /** The decision has an option of that name already (as {@link OptionDraft#key()} compares). */
        record Duplicate(String name) implements Outcome {
        }
    }

    private final Conversations conversations;
    private final DecisionTopics decisionTopics;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    AddOption(Conversations conversations, DecisionTopics decisionTopics, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.conversations = conversations;
        this.decisionTopics = decisionTopics;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Outcome run(Input input) {
        var opening = conversations.opening(input.access(), input.topicId()).filter(o -> o.kind() == TopicKind.DECISION);
        if (opening.isEmpty()) {
            return new Outcome.NoSuchDecision();
        }
        Access access = input.access();
        boolean author = input.viewer() != null && input.viewer().memberId().equals(opening.get().authorId())
                && !opening.get().deleted() && access.canPost();
        Option.AddedBy by = author ? Option.AddedBy.AUTHOR : access.canModerate() ? Option.AddedBy.MODERATOR : null;
        if (by == null) {
            return new Outcome.NotAllowed();
        }
        if (opening.get().locked() && !access.canModerate()) {
            return new Outcome.Locked();
        }
        // two added at once on PostgreSQL may take one position: the one that loses looks again
        for (int attempt = 1; ; attempt++) {
            try {
                Outcome outcome = transactions.execute(status -> add(input, by));
                if (outcome instanceof Outcome.Added added) {
                    events.publishEvent(new OptionAdded(access.community().id(), input.topicId(), added.optionId(), by));
                }
                return outcome;
            } catch (DataIntegrityViolationException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private Outcome add(Input input, Option.AddedBy by) {
        DecisionTopics.Existing existing = decisionTopics.existing(input.topicId(), input.option().key());
        if (existing.nameTaken()) {
            return new Outcome.Duplicate(input.option().name());
        }
        if (existing.count() >= DecisionTopics.MAX_OPTIONS) {
            return new Outcome.Full(DecisionTopics.MAX_OPTIONS);
        }
        String id = decisionTopics.insertOption(input.topicId(), existing.lastPosition() + 1, input.option(), by, clock.millis());
        return new Outcome.Added(id, by);
    }
}
