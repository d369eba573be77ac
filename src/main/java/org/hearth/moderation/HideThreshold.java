package org.hearth.moderation;

import org.hearth.community.Community;
import org.springframework.stereotype.Component;

/** The score at which flags hide a post in a community, pending review. */
@Component
class HideThreshold {

    /** Points: four flags of members at trust level 1 (2 points each), as on a new Discourse site. */
    static final int DEFAULT = 8;

    /**
     * The community's own setting ({@code flag_hide_score}, shown on its rules page) is being
     * added with the community rules; until it is here, every community uses the default.
     * NOTE for merging: return {@code community.flagHideScore()} once {@link Community} has it.
     */
    int of(Community community) {
        return DEFAULT;
    }
}
