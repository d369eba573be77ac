package org.hearth.blocking;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.identity.Members.Profile;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member blocks another: that member's posts fold for them. Nothing tells the blocked member,
 * and a block changes nothing for anyone else: a blocked moderator still moderates.
 */
@Service
public class BlockMember {

    public record Input(Viewer blocker, String memberId) {
        public Input {
            Objects.requireNonNull(blocker, "only a signed-in member blocks");
        }
    }

    public sealed interface Outcome {
        record Blocked(String memberId, String handle) implements Outcome {
        }

        /** No such member (or an account deleted): answered like a page that is not there. */
        record NoSuchMember() implements Outcome {
        }

        record Yourself() implements Outcome {
        }

        /** Blocked already: nothing changed. */
        record AlreadyBlocked(String memberId, String handle) implements Outcome {
        }
    }

    private final Blocks blocks;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BlockMember(Blocks blocks, Members members, ApplicationEventPublisher events, Clock clock) {
        this.blocks = blocks;
        this.members = members;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Profile> found = members.profile(input.memberId());
        if (found.isEmpty()) {
            return new Outcome.NoSuchMember();
        }
        Profile member = found.get();
        return notYourself(input)
                .orElseGet(() -> block(input, member));
    }

    private static Optional<Outcome> notYourself(Input input) {
        return input.blocker().memberId().equals(input.memberId()) ? Optional.of(new Outcome.Yourself()) : Optional.empty();
    }

    /** Not blocked yet is checked by the insert itself, so two clicks at once block once. */
    private Outcome block(Input input, Profile member) {
        if (!blocks.block(input.blocker().memberId(), member.id(), clock.millis())) {
            return new Outcome.AlreadyBlocked(member.id(), member.handle());
        }
        events.publishEvent(new MemberBlocked(input.blocker().memberId(), member.id()));
        return new Outcome.Blocked(member.id(), member.handle());
    }
}
