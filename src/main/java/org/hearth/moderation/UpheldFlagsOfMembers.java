package org.hearth.moderation;

import org.hearth.trust.UpheldFlags;
import org.springframework.stereotype.Component;

/** Tells trust how many of a member's posts had flags upheld, which holds back every level for a while. */
@Component
class UpheldFlagsOfMembers implements UpheldFlags {

    private final ReviewQueue queue;

    UpheldFlagsOfMembers(ReviewQueue queue) {
        this.queue = queue;
    }

    @Override
    public int against(String communityId, String memberId, long since) {
        return queue.upheldAgainst(communityId, memberId, since);
    }
}
