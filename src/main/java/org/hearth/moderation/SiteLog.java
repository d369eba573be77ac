package org.hearth.moderation;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.identity.Members;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/**
 * The site's own moderation log, for site administrators: which accounts were suspended
 * site-wide or lifted, why, until when and by whom. Each member reads what concerns them in their
 * download. Empty for anyone but a site administrator.
 */
@Service
public class SiteLog {

    public static final int SHOWN = 100;

    private final SiteActions actions;
    private final Members members;

    SiteLog(SiteActions actions, Members members) {
        this.actions = actions;
        this.members = members;
    }

    /** {@code suspended}: a suspension (false: a suspension lifted). Handles are "a former member" once erased. */
    public record Entry(boolean suspended, String member, String reason, String admin, Long until, long actedAt) {
    }

    public List<Entry> latest(Viewer viewer) {
        if (viewer == null || !viewer.siteAdmin()) {
            return List.of();
        }
        List<SiteActions.Logged> rows = actions.latest(SHOWN);
        Set<String> people = new HashSet<>();
        rows.forEach(r -> {
            if (r.memberId() != null) {
                people.add(r.memberId());
            }
            if (r.adminId() != null) {
                people.add(r.adminId());
            }
        });
        Map<String, String> handles = members.handles(people);
        return rows.stream().map(r -> new Entry(SiteActions.SUSPEND.equals(r.action()), handles.getOrDefault(r.memberId(), "a former member"),
                r.reason(), handles.getOrDefault(r.adminId(), "a former administrator"), r.until(), r.actedAt())).toList();
    }
}
