package org.hearth.moderation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The decisions moderators took about a member, for their own page: what happened, in which
 * community, under which rule, why, when, and until when. Never who flagged, nor which moderator
 * by handle (the stable per-community staff names come with the moderation log).
 */
@Service
public class Decisions {

    private final Flags flags;
    private final CommunityNames communities;

    Decisions(Flags flags, CommunityNames communities) {
        this.flags = flags;
        this.communities = communities;
    }

    public record Decision(Named community, ModerationAction action, String postId, Integer ruleNumber, String reason, Long until,
            long actedAt) {
    }

    public List<Decision> about(Viewer viewer) {
        List<Flags.Decision> rows = flags.about(viewer.memberId());
        Map<String, Named> named = communities.byId(new HashSet<>(rows.stream().map(Flags.Decision::communityId).toList()));
        return rows.stream().map(d -> new Decision(named.get(d.communityId()), d.action(), d.postId(), d.ruleNumber(), d.reason(),
                d.until(), d.actedAt())).toList();
    }
}
