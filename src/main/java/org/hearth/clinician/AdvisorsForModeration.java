package org.hearth.clinician;

import org.hearth.moderation.ClinicalAdvisors;
import org.springframework.stereotype.Component;

/** Tells the misinformation review who a community's clinical advisors are now: serving and verified. */
@Component
class AdvisorsForModeration implements ClinicalAdvisors {

    private final AdvisoryBoards boards;

    AdvisorsForModeration(AdvisoryBoards boards) {
        this.boards = boards;
    }

    @Override
    public boolean any(String communityId) {
        return boards.anyServing(communityId);
    }

    @Override
    public boolean serves(String communityId, String memberId) {
        return boards.serving(communityId, memberId);
    }
}
