package org.hearth.community;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Communities.NewCommunity;
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
     */
    public record Input(NewCommunity details, Viewer creator, String ownerId) {
        public Input {
            Objects.requireNonNull(details);
        }

        /** A site administrator creates it and owns it. */
        public static Input by(Viewer administrator, NewCommunity details) {
            return new Input(details, Objects.requireNonNull(administrator), administrator.memberId());
        }

        /** The site creates it, owned by the given member (or by no one yet). */
        public static Input bySite(NewCommunity details, String ownerId) {
            return new Input(details, null, ownerId);
        }
    }

    public sealed interface Outcome {
        record Created(Community community) implements Outcome {
        }

        record AddressTaken() implements Outcome {
        }

        record NotASiteAdministrator() implements Outcome {
        }
    }

    private final Communities communities;
    private final ApplicationEventPublisher events;

    CreateCommunity(Communities communities, ApplicationEventPublisher events) {
        this.communities = communities;
        this.events = events;
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
        Optional<Community> saved = communities.insert(input.details());
        if (saved.isEmpty()) {
            return new Outcome.AddressTaken();
        }
        Community community = saved.get();
        if (input.ownerId() != null) {
            communities.addMember(community.id(), input.ownerId(), Role.OWNER);
        }
        events.publishEvent(new CommunityCreated(community.id(), input.ownerId()));
        return new Outcome.Created(community);
    }
}
