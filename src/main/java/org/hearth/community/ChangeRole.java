package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An owner makes a member a moderator or an owner, or back. No one changes their own role, so a
 * community always keeps at least one owner.
 */
@Service
public class ChangeRole {

    public record Input(String slug, Viewer owner, String memberId, Role role) {
        public Input {
            Objects.requireNonNull(owner, "only a signed-in owner changes roles");
            Objects.requireNonNull(role);
        }
    }

    public sealed interface Outcome {
        record Changed(Community community, String memberId, Role role) implements Outcome {
        }

        /** No such community, or the person asking does not moderate it. */
        record NotFound() implements Outcome {
        }

        record NotAnOwner(Community community) implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record OwnRole(Community community) implements Outcome {
        }

        record NotAMember(Community community) implements Outcome {
        }

        /** Stepping this owner down would leave the community with no owner. */
        record LastOwner(Community community) implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    ChangeRole(Communities communities, ApplicationEventPublisher events) {
        this.communities = communities;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.owner()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        Optional<Role> current = RandomId.looksValid(input.memberId())
                ? communities.roleOf(access.community().id(), input.memberId()) : Optional.empty();
        return withSecondFactor(access)
                .or(() -> anOwner(access))
                .or(() -> notTheirOwnRole(access, input))
                .or(() -> aMember(access, current))
                .or(() -> notTheLastOwner(access, input, current.orElseThrow()))
                .orElseGet(() -> change(access, input, current.orElseThrow()));
    }

    private static Optional<Outcome> anOwner(Access access) {
        return access.owns() ? Optional.empty() : Optional.of(new Outcome.NotAnOwner(access.community()));
    }

    /** Asked of every moderator first: nothing on the moderation pages happens without it. */
    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    private static Optional<Outcome> notTheirOwnRole(Access access, Input input) {
        return input.owner().memberId().equals(input.memberId())
                ? Optional.of(new Outcome.OwnRole(access.community())) : Optional.empty();
    }

    private static Optional<Outcome> aMember(Access access, Optional<Role> current) {
        return current.isPresent() ? Optional.empty() : Optional.of(new Outcome.NotAMember(access.community()));
    }

    /**
     * An owner who steps another owner down must still be one when it happens: two owners
     * stepping each other down at the same moment would otherwise leave the community with none.
     * The owners' rows are locked first, then the asking owner's role is read again.
     */
    private Optional<Outcome> notTheLastOwner(Access access, Input input, Role before) {
        if (before != Role.OWNER || input.role() == Role.OWNER) {
            return Optional.empty();
        }
        String communityId = access.community().id();
        boolean stillOwner = communities.ownersLocked(communityId) > 1
                && communities.roleOf(communityId, input.owner().memberId()).orElse(null) == Role.OWNER;
        return stillOwner ? Optional.empty() : Optional.of(new Outcome.LastOwner(access.community()));
    }

    private Outcome change(Access access, Input input, Role before) {
        Community community = access.community();
        if (before != input.role() && communities.changeRole(community.id(), input.memberId(), input.role())) {
            events.publishEvent(new RoleChanged(community.id(), input.memberId(), before, input.role(),
                    input.owner().memberId()));
        }
        return new Outcome.Changed(community, input.memberId(), input.role());
    }
}
