package org.hearth.decision;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A community's moderators define the context members may share with an experience: up to
 * {@value SharedContext#MAX_FIELDS} fields of {@value SharedContext#MIN_CHOICES} to
 * {@value SharedContext#MAX_CHOICES} choices. A field or choice kept under the same name keeps
 * its identity (what experiences shared still counts); one left out is retired, never deleted.
 */
@Service
public class DefineContext {

    public record Input(Access access, List<SharedContext.FieldDraft> fields) {
        public Input {
            Objects.requireNonNull(access);
            fields = List.copyOf(fields);
        }
    }

    public sealed interface Outcome {
        record Saved() implements Outcome {
        }

        /** Only the community's moderators (signed in with a second factor) define it. */
        record NotAModerator() implements Outcome {
        }

        record TooManyFields(int maximum) implements Outcome {
        }

        /** A field with fewer than the minimum of choices: a filter needs something to tell apart. */
        record TooFewChoices(String field, int minimum) implements Outcome {
        }

        record TooManyChoices(String field, int maximum) implements Outcome {
        }

        /** A field's or choice's name is empty or longer than the maximum. */
        record BadLabel(String label, int maximum) implements Outcome {
        }

        /** Two fields, or two choices of one field, share a name (case, accents and punctuation aside). */
        record Duplicate(String label) implements Outcome {
        }
    }

    private final SharedContext context;
    private final Clock clock;
    private final TransactionTemplate transactions;

    DefineContext(SharedContext context, Clock clock, PlatformTransactionManager transactionManager) {
        this.context = context;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    public Outcome run(Input input) {
        if (!input.access().canModerate()) {
            return new Outcome.NotAModerator();
        }
        Optional<Outcome> refused = refusal(input.fields());
        if (refused.isPresent()) {
            return refused.get();
        }
        transactions.executeWithoutResult(status -> context.save(input.access().community().id(), input.fields(), clock.millis()));
        return new Outcome.Saved();
    }

    private static Optional<Outcome> refusal(List<SharedContext.FieldDraft> fields) {
        if (fields.size() > SharedContext.MAX_FIELDS) {
            return Optional.of(new Outcome.TooManyFields(SharedContext.MAX_FIELDS));
        }
        Set<String> fieldKeys = new HashSet<>();
        for (SharedContext.FieldDraft field : fields) {
            Optional<Outcome> label = badLabel(field.label());
            if (label.isPresent()) {
                return label;
            }
            if (!fieldKeys.add(OptionDraft.keyOf(field.label()))) {
                return Optional.of(new Outcome.Duplicate(field.label()));
            }
            if (field.choices().size() < SharedContext.MIN_CHOICES) {
                return Optional.of(new Outcome.TooFewChoices(field.label(), SharedContext.MIN_CHOICES));
            }
            if (field.choices().size() > SharedContext.MAX_CHOICES) {
                return Optional.of(new Outcome.TooManyChoices(field.label(), SharedContext.MAX_CHOICES));
            }
            Set<String> choiceKeys = new HashSet<>();
            for (String choice : field.choices()) {
                Optional<Outcome> choiceLabel = badLabel(choice);
                if (choiceLabel.isPresent()) {
                    return choiceLabel;
                }
                if (!choiceKeys.add(OptionDraft.keyOf(choice))) {
                    return Optional.of(new Outcome.Duplicate(choice));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Outcome> badLabel(String label) {
        return OptionDraft.keyOf(label).isEmpty() || label.length() > SharedContext.MAX_LABEL
                ? Optional.of(new Outcome.BadLabel(label, SharedContext.MAX_LABEL)) : Optional.empty();
    }
}
