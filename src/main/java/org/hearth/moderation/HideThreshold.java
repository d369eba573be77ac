package org.hearth.moderation;

import org.hearth.community.Community;
import org.springframework.stereotype.Component;

/** The score at which flags hide a post in a community, pending review. */
@Component
class HideThreshold {

    /** The community's own setting ({@code flag_hide_score}, shown on its rules page). */
    int of(Community community) {
        return community.flagHideScore();
    }
}
