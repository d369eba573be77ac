package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A moderator lets someone in who asked to join, or turns them down. */
@Service
public class DecideJoinRequest {

    public record Input(String slug, Viewer moderator, String memberId, boolean approve) {
        public Input {
            Objects.requireNonNull(moderator, "only a signed-in moderator decides");
        }
    }

    public sealed interface Outcome {
        record Approved(Community community, String memberId) implements Outcome {
        }

        record Declined(Community community, String memberId) implements Outcome {
        }

        /** No such community, or the person deciding does not moderate it: a member list is not theirs to see. */
        record NotFound() implements Outcome {
        }

        record SecondFactorNeeded() implements Outcome {
        }

        /** Nobody waits under that id: never asked, withdrew, or another moderator answered first. */
        /** They are a verified clinician now, and this community does not admit clinicians. */
        record CliniciansNotAdmitted(Community community) implements Outcome {
        }

        record NoSuchRequest(Community community) implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    DecideJoinRequest(Communities communities, ApplicationEventPublisher events) {
        this.communities = communities;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.moderator()).filter(Access::moderates);
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        if (withSecondFactor(access).isPresent()) {
            return withSecondFactor(access).get();
        }
        // what they agreed to when they asked, read before the request is taken away
        Optional<Communities.Agreement> agreement = RandomId.looksValid(input.memberId())
                ? communities.requestAgreement(access.community().id(), input.memberId()) : Optional.empty();
        return clinicianAdmitted(access, input)
                .or(() -> stillWaiting(access, input.memberId()))
                .orElseGet(() -> decide(access, input, agreement.orElse(null)));
    }

    private static Optional<Outcome> withSecondFactor(Access access) {
        return access.canModerate() ? Optional.empty() : Optional.of(new Outcome.SecondFactorNeeded());
    }

    /**
     * Someone who asked before they were verified as a clinician, in a community that does not
     * admit clinicians: the request waits, to be declined.
     */
    private Optional<Outcome> clinicianAdmitted(Access access, Input input) {
        return input.approve() && RandomId.looksValid(input.memberId()) && communities.refusedAsClinician(access.community(), input.memberId())
                ? Optional.of(new Outcome.CliniciansNotAdmitted(access.community())) : Optional.empty();
    }

    /** Removing the request is the check: of two moderators answering at once, one finds it gone. */
    private Optional<Outcome> stillWaiting(Access access, String memberId) {
        boolean waiting = RandomId.looksValid(memberId) && communities.removeRequest(access.community().id(), memberId);
        return waiting ? Optional.empty() : Optional.of(new Outcome.NoSuchRequest(access.community()));
    }

    private Outcome decide(Access access, Input input, Communities.Agreement agreement) {
        Community community = access.community();
        if (!input.approve()) {
            events.publishEvent(new JoinRequestDeclined(community.id(), input.memberId(), input.moderator().memberId()));
            return new Outcome.Declined(community, input.memberId());
        }
        communities.addMember(community.id(), input.memberId(), Role.MEMBER, agreement);
        events.publishEvent(new MemberJoined(community.id(), input.memberId(), Role.MEMBER));
        return new Outcome.Approved(community, input.memberId());
    }
}
