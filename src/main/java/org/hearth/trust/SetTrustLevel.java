package org.hearth.trust;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator raises or lowers a member's level in their community, or gives it back to what
 * the member's participation reached, always with a reason the member reads. No one sets their
 * own level. Two moderators setting one member's level at once take turns; the second is told
 * what the first did if it was not what they saw.
 */
@Service
public class SetTrustLevel {

    public static final int MAX_REASON = 500;

    /**
     * @param level the level to hold, or null for the worked-out one
     * @param seen the level the moderator's page showed, so a change made meanwhile is not overwritten unseen
     */
    public record Input(String slug, Viewer moderator, String memberId, TrustLevel level, TrustLevel seen, String reason) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator sets a level");
        }
    }

    public sealed interface Outcome {
        record Set(Access access, TrustLevel from, TrustLevel to, boolean setByModerator) implements Outcome {
        }

        /** No such community, member, or the person asking does not moderate it: the same 404 for all. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record OwnLevel() implements Outcome {
        }

        record ReasonMissing() implements Outcome {
        }

        record ReasonTooLong() implements Outcome {
        }

        /** Another moderator changed the level since the page was shown; {@code now} is what it is. */
        record ChangedMeanwhile(TrustLevel now) implements Outcome {
        }

        /** Already so: nothing recorded. */
        record Unchanged(TrustLevel level) implements Outcome {
        }
    }

    private final Communities communities;
    private final TrustLevels levels;
    private final ApplicationEventPublisher events;

    SetTrustLevel(Communities communities, TrustLevels levels, ApplicationEventPublisher events) {
        this.communities = communities;
        this.levels = levels;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.moderator()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        if (!access.canModerate()) {
            return new Outcome.SecondFactorNeeded();
        }
        if (communities.member(access, input.memberId()).isEmpty()) {
            return new Outcome.NotFound();
        }
        return notTheirOwn(input)
                .or(() -> withAReason(input.reason()))
                .orElseGet(() -> set(access, input));
    }

    private static Optional<Outcome> notTheirOwn(Input input) {
        return input.moderator().memberId().equals(input.memberId()) ? Optional.of(new Outcome.OwnLevel()) : Optional.empty();
    }

    private static Optional<Outcome> withAReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return Optional.of(new Outcome.ReasonMissing());
        }
        return reason.strip().length() > MAX_REASON ? Optional.of(new Outcome.ReasonTooLong()) : Optional.empty();
    }

    private Outcome set(Access access, Input input) {
        String communityId = access.community().id();
        levels.lock(communityId, input.memberId());
        TrustLevels.Standing before = levels.standing(communityId, input.memberId());
        if (input.seen() != null && before.level() != input.seen()) {
            return new Outcome.ChangedMeanwhile(before.level());
        }
        TrustLevel after = input.level() == null ? before.reached() : input.level();
        boolean setByModerator = input.level() != null;
        if (after == before.level() && setByModerator == before.setByModerator()) {
            return new Outcome.Unchanged(after);
        }
        levels.set(communityId, input.memberId(), before.level(), input.level(), input.moderator().memberId(),
                input.reason().strip(), RandomId.next());
        events.publishEvent(new TrustLevelSet(communityId, input.memberId(), before.level(), after, setByModerator,
                input.moderator().memberId(), input.reason().strip()));
        return new Outcome.Set(access, before.level(), after, setByModerator);
    }
}
