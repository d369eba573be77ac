package org.hearth.moderation;

import org.hearth.community.StaffNames;
import org.hearth.trust.TrustLevelSet;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A trust level a moderator set goes into the community's moderation log and the member's
 * decisions like every other moderator's action, in the same transaction as the change; which
 * level, and why, only the member and the moderators read there.
 */
@Component
class TrustLevelsInTheLog {

    private final Flags flags;
    private final StaffNames staffNames;

    TrustLevelsInTheLog(Flags flags, StaffNames staffNames) {
        this.flags = flags;
        this.staffNames = staffNames;
    }

    @EventListener
    void on(TrustLevelSet set) {
        String reason = "From " + set.from().label() + " to " + set.to().label()
                + (set.heldByModerator() ? ", held there" : ", as earned") + ". " + set.reason();
        // a member's level is theirs and their moderators' to know: the log shows others only that one was set
        flags.record(set.communityId(), ModerationAction.TRUST_LEVEL, null, set.memberId(), null, reason, set.moderatorId(), null, true);
        staffNames.of(set.communityId(), set.moderatorId());
    }
}
