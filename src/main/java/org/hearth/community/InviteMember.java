package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A moderator invites a member by handle. The answer is the same whether or not the handle
 * exists, so that inviting cannot be used to find out who is on the site.
 */
@Service
public class InviteMember {

    public record Input(String slug, Viewer moderator, String handle) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator invites");
        }
    }

    public sealed interface Outcome {
        /** Said for every well-formed handle, whether or not someone uses it. */
        record Invited(Community community, String handle) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        record NoHandle() implements Outcome {
        }

        /** A moderator banned that member from here: an upheld appeal lifts a ban, not an invitation. */
        record Banned(Community community, String handle) implements Outcome {
        }
    }

    private final Communities communities;
    private final Members members;
    private final ApplicationEventPublisher events;
    private final MemberBans bans;

    InviteMember(Communities communities, Members members, ApplicationEventPublisher events, MemberBans bans) {
        this.bans = bans;
        this.communities = communities;
        this.members = members;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.moderator()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        String handle = input.handle() == null ? "" : input.handle().strip();
        return withSecondFactor(access)
                .or(() -> aHandle(handle))
                .orElseGet(() -> invite(access, input.moderator(), handle));
    }

    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    private static Optional<Outcome> aHandle(String handle) {
        return handle.isEmpty() || handle.length() > 30 ? Optional.of(new Outcome.NoHandle()) : Optional.empty();
    }

    private Outcome invite(Access access, Viewer moderator, String handle) {
        Community community = access.community();
        if (members.idOfHandle(handle).filter(id -> bans.banned(community.id(), id)).isPresent()) {
            return new Outcome.Banned(community, handle);
        }
        members.idOfHandle(handle)
                .filter(id -> communities.roleOf(community.id(), id).isEmpty())
                // not sent to a clinician this community does not admit; answered the same, so no one learns who is one
                .filter(id -> !communities.refusedAsClinician(community, id))
                .filter(id -> communities.addInvitation(community.id(), id, moderator.memberId()))
                .ifPresent(id -> events.publishEvent(new MemberInvited(community.id(), id, moderator.memberId())));
        return new Outcome.Invited(community, handle);
    }
}
