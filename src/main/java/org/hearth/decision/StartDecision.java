package org.hearth.decision;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.conversation.Draft;
import org.hearth.conversation.StartTopic;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * A member starts a decision: a topic of kind {@code DECISION} with its options and questions,
 * stored in the topic's own transaction, so the form's one-time key covers them all.
 */
@Service
public class StartDecision {

    /**
     * @param title the decision in the writer's words
     * @param body the opening post: the situation, what weighs on the choice
     * @param options the options typed, in order, blank rows left out
     * @param questions the questions kept, in order, blank ones left out
     */
    public record Input(Access access, Viewer author, String title, String body, String contentWarning, boolean anonymous,
            List<OptionDraft> options, List<String> questions, Audience shown, String submission) {

        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
            Objects.requireNonNull(title);
            options = List.copyOf(options);
            questions = questions.stream().map(String::strip).toList();
            for (OptionDraft option : options) {
                if (option.key().isEmpty() || option.name().length() > OptionDraft.MAX_NAME
                        || option.description().length() > OptionDraft.MAX_DESCRIPTION) {
                    throw new IllegalArgumentException("an option's shape is checked by its form");
                }
            }
            if (questions.stream().anyMatch(q -> q.isEmpty() || q.length() > DecisionTopics.MAX_QUESTION)) {
                throw new IllegalArgumentException("a question's shape is checked by its form");
            }
        }

        StartTopic.Input topic(org.hearth.conversation.StoredWith with) {
            return new StartTopic.Input(access, author, new Draft(TopicKind.DECISION, title, body, contentWarning, anonymous),
                    shown, submission, with);
        }
    }

    public sealed interface Outcome {
        /** {@code held}: it waits for a moderator before others see it (the community holds new members' posts). */
        record Started(String topicId, boolean held) implements Outcome {
        }

        /** The same form was sent before and stored this decision: nothing is stored again. */
        record AlreadySaved(String topicId) implements Outcome {
        }

        record NotAMember() implements Outcome {
        }

        record TooFewOptions(int minimum) implements Outcome {
        }

        record TooManyOptions(int maximum) implements Outcome {
        }

        /** Two options have one name (as {@link OptionDraft#key()} compares); {@code name} is the second as typed. */
        record DuplicateOption(String name) implements Outcome {
        }

        record TooManyQuestions(int maximum) implements Outcome {
        }

        /** The community opened up while they wrote: nothing is stored; {@code now} is who would read it. */
        record AudienceWidened(Audience now) implements Outcome {
        }

        /** A limit on what this member may post now: nothing is stored; {@code why} in words. */
        record OverLimit(String why) implements Outcome {
        }
    }

    private final StartTopic startTopic;
    private final DecisionTopics decisionTopics;
    private final Clock clock;

    StartDecision(StartTopic startTopic, DecisionTopics decisionTopics, Clock clock) {
        this.startTopic = startTopic;
        this.decisionTopics = decisionTopics;
        this.clock = clock;
    }

    public Outcome run(Input input) {
        Optional<Outcome> refused = refusal(input);
        if (refused.isPresent()) {
            return refused.get();
        }
        StartTopic.Outcome started = startTopic.run(input.topic((topicId, postId) -> {
            long now = clock.millis();
            for (int i = 0; i < input.options().size(); i++) {
                decisionTopics.insertOption(topicId, i, input.options().get(i), null, now);
            }
            decisionTopics.insertQuestions(topicId, input.questions());
        }));
        return switch (started) {
            case StartTopic.Outcome.Started(var topicId, var held) -> new Outcome.Started(topicId, held);
            case StartTopic.Outcome.AlreadySaved(var topicId) -> new Outcome.AlreadySaved(topicId);
            case StartTopic.Outcome.NotAMember n -> new Outcome.NotAMember();
            case StartTopic.Outcome.AudienceWidened(var now) -> new Outcome.AudienceWidened(now);
            case StartTopic.Outcome.OverLimit(var why) -> new Outcome.OverLimit(why);
        };
    }

    /** The decision this submission stored, if it was stored: asked when writing failed without saying whether it committed. */
    public Optional<Outcome.AlreadySaved> savedEarlier(Input input) {
        return startTopic.savedEarlier(input.topic(null)).map(saved -> new Outcome.AlreadySaved(saved.topicId()));
    }

    private static Optional<Outcome> refusal(Input input) {
        if (!input.access().canPost()) {
            return Optional.of(new Outcome.NotAMember());
        }
        if (input.options().size() < DecisionTopics.MIN_OPTIONS) {
            return Optional.of(new Outcome.TooFewOptions(DecisionTopics.MIN_OPTIONS));
        }
        if (input.options().size() > DecisionTopics.MAX_OPTIONS) {
            return Optional.of(new Outcome.TooManyOptions(DecisionTopics.MAX_OPTIONS));
        }
        Optional<OptionDraft> duplicate = DecisionTopics.firstDuplicate(input.options());
        if (duplicate.isPresent()) {
            return Optional.of(new Outcome.DuplicateOption(duplicate.get().name()));
        }
        if (input.questions().size() > DecisionTopics.MAX_QUESTIONS) {
            return Optional.of(new Outcome.TooManyQuestions(DecisionTopics.MAX_QUESTIONS));
        }
        return Optional.empty();
    }
}
