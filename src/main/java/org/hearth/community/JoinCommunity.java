package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member joins a community: through its open door, by accepting an invitation, or by asking
 * the moderators of a community that approves each request.
 */
@Service
public class JoinCommunity {

    public record Input(String slug, Viewer member) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member joins");
        }
    }

    public sealed interface Outcome {
        record Joined(Community community) implements Outcome {
        }

        record Requested(Community community) implements Outcome {
        }

        /** No such community, or one hidden from this member: the same answer for both. */
        record NotFound() implements Outcome {
        }

        record AlreadyMember(Community community) implements Outcome {
        }

        record AlreadyRequested(Community community) implements Outcome {
        }

        record ByInvitationOnly(Community community) implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    JoinCommunity(Communities communities, ApplicationEventPublisher events) {
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
        return notAlreadyMember(access)
                .or(() -> notAlreadyRequested(access))
                .or(() -> openOrInvitedOrAsking(access))
                .orElseGet(() -> join(access, input.member()));
    }

    private static Optional<Outcome> notAlreadyMember(Access access) {
        return access.member() ? Optional.of(new Outcome.AlreadyMember(access.community())) : Optional.empty();
    }

    /** A moderator's invitation answers a request too: accepting it is joining. */
    private static Optional<Outcome> notAlreadyRequested(Access access) {
        return access.requested() && !access.invited()
                ? Optional.of(new Outcome.AlreadyRequested(access.community())) : Optional.empty();
    }

    private static Optional<Outcome> openOrInvitedOrAsking(Access access) {
        return access.canJoin() || access.canRequest() ? Optional.empty()
                : Optional.of(new Outcome.ByInvitationOnly(access.community()));
    }

    private Outcome join(Access access, Viewer member) {
        Community community = access.community();
        if (access.canJoin()) {
            communities.addMember(community.id(), member.memberId(), Role.MEMBER);
            events.publishEvent(new MemberJoined(community.id(), member.memberId(), Role.MEMBER));
            return new Outcome.Joined(community);
        }
        if (communities.addRequest(community.id(), member.memberId())) {
            events.publishEvent(new JoinRequested(community.id(), member.memberId()));
        }
        return new Outcome.Requested(community);
    }
}
