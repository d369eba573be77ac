package org.hearth.decision;

import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Draft;
import org.hearth.conversation.ReplyToTopic;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * A member who faced a decision adds their experience: the option they chose, roughly when, how
 * it went (a reply of the topic, so reactions, flags, moderation and deletion come with it), their
 * answers to the decision's questions, and whether they would choose it again. One per member and
 * decision; later they add to it ({@link UpdateExperience}). Anonymous where the community allows
 * it, exactly as an anonymous reply.
 */
@Service
public class AddExperience {

    /**
     * @param answers by the question's position; blank answers left out
     * @param context the choices of the community's context the writer chose to share, at most one per field
     * @param submission the form's one-time key; null when it sent none
     */
    public record Input(Access access, Viewer author, String topicId, String optionId, YearMonth chosenIn, WouldChooseAgain wouldAgain,
            String body, String contentWarning, boolean anonymous, Map<Integer, String> answers, List<String> context, Audience shown,
            String submission) {

        public Input {
            context = List.copyOf(context);
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
            Objects.requireNonNull(chosenIn);
            Objects.requireNonNull(wouldAgain);
            answers = new TreeMap<>(answers);
            if (answers.values().stream().anyMatch(a -> a.isBlank() || a.length() > Experiences.MAX_ANSWER)) {
                throw new IllegalArgumentException("an answer's shape is checked by its form");
            }
        }

        ReplyToTopic.Input reply(org.hearth.conversation.StoredWith with) {
            return new ReplyToTopic.Input(access, author, topicId, new Draft(null, null, body, contentWarning, anonymous), shown,
                    submission, with);
        }
    }

    public sealed interface Outcome {
        /** {@code held}: it waits for a moderator before others see it (the community holds new members' posts). */
        record Added(Conversations.Location location, boolean held) implements Outcome {
        }

        /** The same form was sent before and stored this experience: nothing is stored again. */
        record AlreadySaved(Conversations.Location location) implements Outcome {
        }

        record NotAMember() implements Outcome {
        }

        /** No decision the reader may read by that id. */
        record NoSuchDecision() implements Outcome {
        }

        /** The option is not one of this decision's. */
        record NoSuchOption() implements Outcome {
        }

        /** A context choice that is not one the community offers, or two for one field. */
        record NoSuchContext() implements Outcome {
        }

        /** A question the decision does not ask was answered. */
        record NoSuchQuestion() implements Outcome {
        }

        record ChosenInTheFuture() implements Outcome {
        }

        /** The member added theirs before: the page offers to add to it instead; {@code postId} is theirs. */
        record AlreadyAdded(String postId) implements Outcome {
        }

        record Locked() implements Outcome {
        }

        record AudienceWidened(Audience now) implements Outcome {
        }

        record OverLimit(String why) implements Outcome {
        }
    }

    private final DecisionTopics decisionTopics;
    private final Experiences experiences;
    private final SharedContext sharedContext;
    private final ReplyToTopic replyToTopic;
    private final Conversations conversations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    AddExperience(DecisionTopics decisionTopics, Experiences experiences, SharedContext sharedContext, ReplyToTopic replyToTopic,
            Conversations conversations, Clock clock, ApplicationEventPublisher events) {
        this.sharedContext = sharedContext;
        this.decisionTopics = decisionTopics;
        this.experiences = experiences;
        this.replyToTopic = replyToTopic;
        this.conversations = conversations;
        this.clock = clock;
        this.events = events;
    }

    public Outcome run(Input input) {
        Access access = input.access();
        if (!access.canPost()) {
            return new Outcome.NotAMember();
        }
        Optional<DecisionTopics.Decision> decision = decisionTopics.readable(access, input.author(), input.topicId());
        if (decision.isEmpty()) {
            return new Outcome.NoSuchDecision();
        }
        if (decision.get().options().stream().noneMatch(option -> option.id().equals(input.optionId()))) {
            return new Outcome.NoSuchOption();
        }
        if (input.answers().keySet().stream().anyMatch(question -> question < 0 || question >= decision.get().questions().size())) {
            return new Outcome.NoSuchQuestion();
        }
        Map<String, String> context = new java.util.HashMap<>(); // by field
        if (!input.context().isEmpty()) {
            Map<String, String> fieldOf = SharedContext.fieldOfChoice(sharedContext.offered(access.community().id()));
            for (String choice : input.context()) {
                String field = fieldOf.get(choice);
                if (field == null || context.put(field, choice) != null) {
                    return new Outcome.NoSuchContext();
                }
            }
        }
        if (input.chosenIn().isAfter(YearMonth.now(clock.withZone(ZoneOffset.ofHours(14))))) { // the earliest time zone's month
            return new Outcome.ChosenInTheFuture();
        }
        String memberId = input.author().memberId();
        // an experience whose post its author deleted no longer stands: a new one replaces it
        Optional<String> earlier = experiences.of(input.topicId(), memberId);
        Optional<String> standing = earlier.filter(postId -> conversations.writtenBy(access, postId).map(w -> !w.deleted()).orElse(false));
        if (standing.isPresent()) {
            Optional<ReplyToTopic.Outcome.AlreadySaved> saved = savedEarlier(input);
            return saved.<Outcome>map(s -> new Outcome.AlreadySaved(s.location()))
                    .orElseGet(() -> new Outcome.AlreadyAdded(standing.get()));
        }
        ReplyToTopic.Outcome replied;
        try {
            replied = replyToTopic.run(input.reply((topicId, postId) -> {
                earlier.ifPresent(experiences::forget);
                experiences.insert(postId, topicId, memberId, input.optionId(), new ChosenIn(input.chosenIn()), input.wouldAgain(),
                        input.answers(), context);
                // in the reply's own transaction, so whoever listens knows the reply is an experience before it commits
                boolean anonymous = conversations.writtenBy(access, postId).map(Conversations.WrittenBy::anonymous).orElse(false);
                events.publishEvent(new ExperienceAdded(access.community().id(), topicId, postId, input.optionId(), memberId, anonymous));
            }));
        } catch (DataIntegrityViolationException e) {
            // the same form sent twice at once, or the same member from another tab: the one stored stands
            Optional<ReplyToTopic.Outcome.AlreadySaved> saved = savedEarlier(input);
            if (saved.isPresent()) {
                return new Outcome.AlreadySaved(saved.get().location());
            }
            return experiences.of(input.topicId(), memberId).<Outcome>map(Outcome.AlreadyAdded::new).orElseThrow(() -> e);
        }
        return switch (replied) {
            case ReplyToTopic.Outcome.Replied(var location, var held) -> new Outcome.Added(location, held);
            case ReplyToTopic.Outcome.AlreadySaved(var location) -> new Outcome.AlreadySaved(location);
            case ReplyToTopic.Outcome.NotAMember n -> new Outcome.NotAMember();
            case ReplyToTopic.Outcome.Locked l -> new Outcome.Locked();
            case ReplyToTopic.Outcome.NoSuchTopic n -> new Outcome.NoSuchDecision();
            case ReplyToTopic.Outcome.AudienceWidened(var now) -> new Outcome.AudienceWidened(now);
            case ReplyToTopic.Outcome.OverLimit(var why) -> new Outcome.OverLimit(why);
        };
    }

    /** The experience this submission stored, if it was stored: asked when writing failed without saying whether it committed. */
    public Optional<ReplyToTopic.Outcome.AlreadySaved> savedEarlier(Input input) {
        return replyToTopic.savedEarlier(input.reply(null));
    }
}
