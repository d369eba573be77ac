package org.hearth.community;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Communities.NewCommunity;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A site administrator creates a community and becomes its first owner. The site itself also
 * creates communities, with no one asking: the patient leaders community on first start, and
 * the demonstration site's.
 */
@Service
public class CreateCommunity {

    /**
     * @param creator the site administrator asking, or null when the site creates it itself
     * @param ownerId who becomes its first owner, or null for none yet
     * @param submission the form's one-time key ({@link Submissions}); null when none was sent
     */
    public record Input(NewCommunity details, Viewer creator, String ownerId, String submission) {
        public Input {
            Objects.requireNonNull(details);
        }

        /** A site administrator creates it and owns it. */
        public static Input by(Viewer administrator, NewCommunity details) {
            return by(administrator, details, null);
        }

        /** A site administrator creates it with a form that carried this key, and owns it. */
        public static Input by(Viewer administrator, NewCommunity details, String submission) {
            return new Input(details, Objects.requireNonNull(administrator), administrator.memberId(), submission);
        }

        /** The site creates it, owned by the given member (or by no one yet). */
        public static Input bySite(NewCommunity details, String ownerId) {
            return new Input(details, null, ownerId, null);
        }
    }

    public sealed interface Outcome {
        record Created(Community community) implements Outcome {
        }

        /** The same form was sent before and created this community: nothing is created again. */
        record AlreadySaved(Community community) implements Outcome {
        }

        record AddressTaken() implements Outcome {
        }

        record NotASiteAdministrator() implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;
    private final Submissions submissions;

    private final Rules rules;
    private final Clock clock;

    CreateCommunity(Communities communities, ApplicationEventPublisher events, Submissions submissions, Rules rules, Clock clock) {
        this.communities = communities;
        this.events = events;
        this.submissions = submissions;
        this.rules = rules;
        this.clock = clock;
    }

    @Transactional
    public Outcome run(Input input) {
        return aSiteAdministrator(input.creator()).orElseGet(() -> create(input));
    }

    /** Site administrators act with a second factor, like moderators. */
    private static Optional<Outcome> aSiteAdministrator(Viewer creator) {
        return creator == null || creator.siteAdmin() && creator.secondFactor() ? Optional.empty()
                : Optional.of(new Outcome.NotASiteAdministrator());
    }

    /** The address is checked by saving it: of two people taking one address at once, one finds it taken. */
    private Outcome create(Input input) {
        String asker = input.creator() == null ? null : input.creator().memberId();
        String key = asker == null ? null : input.submission();
        if (key != null && submissions.claim(asker, key) instanceof Submissions.Claim.Repeat(var communityId)) {
            Optional<Community> earlier = communities.locked(communityId);
            if (earlier.isPresent()) {
                return new Outcome.AlreadySaved(earlier.get());
            }
        }
        Optional<Community> saved = communities.insert(input.details());
        if (saved.isEmpty()) {
            if (key != null) {
                submissions.release(asker, key);
            }
            return new Outcome.AddressTaken();
        }
        Community community = saved.get();
        rules.startWith(community.id(), clock.millis());
        if (key != null) {
            submissions.record(asker, key, community.id());
        }
        if (input.ownerId() != null) {
            communities.addMember(community.id(), input.ownerId(), Role.OWNER);
        }
        events.publishEvent(new CommunityCreated(community.id(), input.ownerId()));
        return new Outcome.Created(community);
    }
}
