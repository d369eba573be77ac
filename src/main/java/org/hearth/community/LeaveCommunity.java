package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member leaves a community. The last owner cannot: someone must stay responsible for it. */
@Service
public class LeaveCommunity {

    public record Input(String slug, Viewer member) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member leaves");
        }
    }

    public sealed interface Outcome {
        record Left(Community community) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotAMember(Community community) implements Outcome {
        }

        record LastOwner(Community community) implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    LeaveCommunity(Communities communities, ApplicationEventPublisher events) {
        this.communities = communities;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.member());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        return isMember(access)
                .or(() -> notTheLastOwner(access))
                .orElseGet(() -> leave(access, input.member()));
    }

    private static Optional<Outcome> isMember(Access access) {
        return access.member() ? Optional.empty() : Optional.of(new Outcome.NotAMember(access.community()));
    }

    private Optional<Outcome> notTheLastOwner(Access access) {
        return access.owns() && communities.ownersLocked(access.community().id()) <= 1
                ? Optional.of(new Outcome.LastOwner(access.community())) : Optional.empty();
    }

    private Outcome leave(Access access, Viewer member) {
        Community community = access.community();
        if (communities.removeMember(community.id(), member.memberId())) {
            events.publishEvent(new MemberLeft(community.id(), member.memberId(), access.role()));
        }
        return new Outcome.Left(community);
    }
}
