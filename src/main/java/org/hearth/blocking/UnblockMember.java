package org.hearth.blocking;

import java.util.Objects;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member takes back a block: the other member's posts show unfolded again. */
@Service
public class UnblockMember {

    public record Input(Viewer blocker, String memberId) {
        public Input {
            Objects.requireNonNull(blocker, "only a signed-in member unblocks");
        }
    }

    public sealed interface Outcome {
        record Unblocked(String memberId) implements Outcome {
        }

        /** There was no such block (taken back already, perhaps in another tab). */
        record NotBlocked() implements Outcome {
        }
    }

    private final Blocks blocks;
    private final ApplicationEventPublisher events;

    UnblockMember(Blocks blocks, ApplicationEventPublisher events) {
        this.blocks = blocks;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        if (input.memberId() == null || !blocks.unblock(input.blocker().memberId(), input.memberId())) {
            return new Outcome.NotBlocked();
        }
        events.publishEvent(new MemberUnblocked(input.blocker().memberId(), input.memberId()));
        return new Outcome.Unblocked(input.memberId());
    }
}
