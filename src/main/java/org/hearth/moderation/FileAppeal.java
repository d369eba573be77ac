package org.hearth.moderation;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member appeals a moderator's action about them, in their own words, once per action and
 * within the time the site allows. The post it concerns is kept as it is (hidden or removed,
 * never erased by moderation) until the appeal is decided.
 */
@Service
public class FileAppeal {

    public static final int WORDS_MAX = 2000;

    public record Input(Viewer member, String actionId, String words) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member appeals");
        }
    }

    public sealed interface Outcome {
        record Filed(String appealId) implements Outcome {
        }

        /** No such action, or it is not about them: nothing to say that another member's exists. */
        record NotFound() implements Outcome {
        }

        /** A keep, a trust level or an appeal's own decision: nothing to appeal. */
        record NotAppealable(ModerationAction action) implements Outcome {
        }

        record AlreadyAppealed() implements Outcome {
        }

        /** The time to appeal ended at {@code closedAt}. */
        record TooLate(long closedAt) implements Outcome {
        }

        /** An upheld appeal or a moderator already undid it. */
        record AlreadyUndone() implements Outcome {
        }

        record WordsMissing() implements Outcome {
        }

        record WordsTooLong(int max, int length) implements Outcome {
        }
    }

    private final Appeals appeals;
    private final ModerationSettings settings;
    private final ApplicationEventPublisher events;

    FileAppeal(Appeals appeals, ModerationSettings settings, ApplicationEventPublisher events) {
        this.appeals = appeals;
        this.settings = settings;
        this.events = events;
    }

    /** Until when the member may appeal an action taken at {@code actedAt}. */
    public long closesAt(long actedAt) {
        return actedAt + settings.appealWithin().toMillis();
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Appeals.Action> found = appeals.action(input.actionId())
                .filter(a -> input.member().memberId().equals(a.memberId()));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Appeals.Action action = found.get();
        String words = input.words() == null ? "" : input.words().strip();
        return appealable(action)
                .or(() -> notYetAppealed(action))
                .or(() -> inTime(action))
                .or(() -> written(words))
                .orElseGet(() -> file(action, input.member(), words));
    }

    private static Optional<Outcome> appealable(Appeals.Action action) {
        if (!action.action().appealable()) {
            return Optional.of(new Outcome.NotAppealable(action.action()));
        }
        return action.undoneAt() == null ? Optional.empty() : Optional.of(new Outcome.AlreadyUndone());
    }

    private Optional<Outcome> notYetAppealed(Appeals.Action action) {
        return appeals.ofActions(java.util.List.of(action.id())).isEmpty() ? Optional.empty() : Optional.of(new Outcome.AlreadyAppealed());
    }

    private Optional<Outcome> inTime(Appeals.Action action) {
        long closes = closesAt(action.actedAt());
        return appeals.now() <= closes ? Optional.empty() : Optional.of(new Outcome.TooLate(closes));
    }

    private static Optional<Outcome> written(String words) {
        if (words.isEmpty()) {
            return Optional.of(new Outcome.WordsMissing());
        }
        int length = words.codePointCount(0, words.length());
        return length > WORDS_MAX ? Optional.of(new Outcome.WordsTooLong(WORDS_MAX, length)) : Optional.empty();
    }

    private Outcome file(Appeals.Action action, Viewer member, String words) {
        return appeals.file(action, member.memberId(), words)
                .map(id -> {
                    events.publishEvent(new AppealFiled(id, action.id(), action.communityId()));
                    return (Outcome) new Outcome.Filed(id);
                })
                .orElseGet(Outcome.AlreadyAppealed::new);
    }
}
