package org.hearth.clinician;

import org.hearth.community.VerifiedClinicians;
import org.springframework.stereotype.Component;

/** Tells communities that keep clinicians at a distance who is verified now; expiry and revocation apply at once. */
@Component
class VerifiedForCommunities implements VerifiedClinicians {

    private final Applications applications;

    VerifiedForCommunities(Applications applications) {
        this.applications = applications;
    }

    @Override
    public boolean verifiedNow(String memberId) {
        return applications.verifiedNow(memberId).isPresent();
    }
}
