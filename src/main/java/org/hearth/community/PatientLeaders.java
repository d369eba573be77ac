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

    PatientLeaders(Communities communities) {
        this.communities = communities;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ensureExists() {
        if (communities.bySlug(SLUG).isPresent()) {
            return;
        }
        try {
            communities.create(new Communities.NewCommunity(SLUG, "Patient leaders",
                    "A meeting place across conditions for patient advocates, peer mentors and generalist "
                            + "clinicians: share what works in running a community, ask about evidence, and "
                            + "support each other in the work of supporting others.",
                    "All conditions", Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false), null);
        } catch (Communities.SlugTaken raced) {
            // another node created it at the same moment
        }
    }

    @EventListener
    void ownedBySiteAdministrators(SiteAdministratorCreated created) {
        communities.bySlug(SLUG).ifPresent(c -> communities.addMember(c.id(), created.memberId(), Role.OWNER));
    }
}
