package org.hearth.community;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member joins a community: through its open door, by accepting an invitation, or by asking
 * the moderators of a community that approves each request. Each way asks them first to read the
 * charter and rules and agree to them; the version they agreed to is kept with their membership
 * (or with their request, until a moderator answers it).
 */
@Service
public class JoinCommunity {

    /** @param agreedTo the version of the rules the member read and agreed to, or null when they did not agree */
    public record Input(String slug, Viewer member, Integer agreedTo) {
        public Input {
            Objects.requireNonNull(member, "only a signed-in member joins");
        }
    }

    public sealed interface Outcome {
        /** @param readsOnly a verified clinician in a community that keeps clinicians at a distance: they read, not write */
        record Joined(Community community, boolean readsOnly) implements Outcome {
        }

        record Requested(Community community) implements Outcome {
        }

        /** No such community, or one hidden from this member: the same answer for both. */
        record NotFound() implements Outcome {
        }

        record AlreadyMember(Community community) implements Outcome {
        }

        /** A moderator banned them from this community; the decision is on their decisions page. */
        record Banned(Community community) implements Outcome {
        }

        record AlreadyRequested(Community community) implements Outcome {
        }

        record ByInvitationOnly(Community community) implements Outcome {
        }

        /** A verified clinician, and this community does not admit clinicians (its rules page says so). */
        record CliniciansNotAdmitted(Community community) implements Outcome {
        }

        /** They did not say they agree to the rules: joining asks it of everyone. */
        record NotAgreed(Community community) implements Outcome {
        }

        /** The rules changed while they read them: they read and agree to the new ones first. */
        record RulesChangedMeanwhile(Community community, int current) implements Outcome {
        }
    }

    private final Communities communities;
    private final Rules rules;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    JoinCommunity(Communities communities, Rules rules, ApplicationEventPublisher events, Clock clock) {
        this.communities = communities;
        this.rules = rules;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Access> found = communities.visibleTo(input.slug(), input.member());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Access access = found.get();
        return notAlreadyMember(access)
                .or(() -> access.banned() ? Optional.of(new Outcome.Banned(access.community())) : Optional.empty())
                .or(() -> clinicianAdmitted(access, input.member()))
                .or(() -> notAlreadyRequested(access))
                .or(() -> openOrInvitedOrAsking(access))
                .or(() -> agreed(access, input.agreedTo()))
                .orElseGet(() -> join(access, input.member(), input.agreedTo()));
    }

    private static Optional<Outcome> notAlreadyMember(Access access) {
        return access.member() ? Optional.of(new Outcome.AlreadyMember(access.community())) : Optional.empty();
    }

    /** Asked of every way in, an invitation included: the owners chose not to admit clinicians. */
    private Optional<Outcome> clinicianAdmitted(Access access, Viewer member) {
        return communities.refusedAsClinician(access.community(), member.memberId())
                ? Optional.of(new Outcome.CliniciansNotAdmitted(access.community())) : Optional.empty();
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

    private static Optional<Outcome> agreedTo(Access access, Integer agreedTo) {
        return agreedTo == null ? Optional.of(new Outcome.NotAgreed(access.community())) : Optional.empty();
    }

    /** To the rules in force now: a version they read before a moderator changed it is not enough. */
    private Optional<Outcome> agreed(Access access, Integer agreedTo) {
        return agreedTo(access, agreedTo).or(() -> {
            int current = rules.currentNumber(access.community().id());
            return agreedTo == current ? Optional.empty()
                    : Optional.of(new Outcome.RulesChangedMeanwhile(access.community(), current));
        });
    }

    private Outcome join(Access access, Viewer member, int agreedTo) {
        Community community = access.community();
        var agreement = new Communities.Agreement(agreedTo, clock.millis());
        if (access.canJoin()) {
            communities.addMember(community.id(), member.memberId(), Role.MEMBER, agreement);
            events.publishEvent(new MemberJoined(community.id(), member.memberId(), Role.MEMBER));
            return new Outcome.Joined(community, community.clinicians() == ClinicianAdmission.READ_ONLY
                    && communities.verifiedClinician(member.memberId()));
        }
        if (communities.addRequest(community.id(), member.memberId(), agreement)) {
            events.publishEvent(new JoinRequested(community.id(), member.memberId()));
        }
        return new Outcome.Requested(community);
    }
}
