package org.hearth.community;

import org.hearth.identity.SiteAdministratorCreated;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The cross-condition community every Hearth site starts with: patient advocates and generalist
 * clinicians meet here whatever condition they live or work with. Site administrators own it.
 */
@Component
class PatientLeaders {

    static final String SLUG = "patient-leaders";

    private final Communities communities;
    private final CreateCommunity create;

    PatientLeaders(Communities communities, CreateCommunity create) {
        this.communities = communities;
        this.create = create;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        if (communities.bySlug(SLUG).isPresent()) {
            return;
        }
        // AddressTaken here means another node created it at the same moment: nothing to do
        create.run(CreateCommunity.Input.bySite(new Communities.NewCommunity(SLUG, "Patient leaders",
                "A meeting place across conditions for patient advocates, peer mentors and generalist "
                        + "clinicians: share what works in running a community, ask about evidence, and "
                        + "support each other in the work of supporting others.",
                "All conditions", Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false), null));
    }

    /** Not a use case: no one asks, and nothing can refuse it. */
    @EventListener
    void ownedBySiteAdministrators(SiteAdministratorCreated created) {
        communities.bySlug(SLUG).ifPresent(c -> communities.addMember(c.id(), created.memberId(), Role.OWNER));
    }
}
