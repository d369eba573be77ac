package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member takes back their request to join, or declines an invitation. */
@Service
public class WithdrawFromCommunity {

    public record Input(String slug, Viewer member) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member withdraws");
        }
    }

    public sealed interface Outcome {
        record RequestWithdrawn(Community community) implements Outcome {
        }

        record InvitationDeclined(Community community) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NothingPending(Community community) implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    WithdrawFromCommunity(Communities communities, ApplicationEventPublisher events) {
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
        return somethingPending(access).orElseGet(() -> withdraw(access, input.member()));
    }

    private static Optional<Outcome> somethingPending(Access access) {
        return access.requested() || access.invited() ? Optional.empty()
                : Optional.of(new Outcome.NothingPending(access.community()));
    }

    private Outcome withdraw(Access access, Viewer member) {
        Community community = access.community();
        boolean request = communities.removeRequest(community.id(), member.memberId());
        boolean invitation = communities.removeInvitation(community.id(), member.memberId());
        if (request || invitation) {
            events.publishEvent(new JoinRequestWithdrawn(community.id(), member.memberId()));
        }
        return invitation ? new Outcome.InvitationDeclined(community) : new Outcome.RequestWithdrawn(community);
    }
}
