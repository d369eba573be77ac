package org.hearth.moderation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.community.Communities;
import org.hearth.platform.security.Viewer;
import org.hearth.trust.TrustLevels;
import org.springframework.stereotype.Service;

/**
 * Where site administrators step into a community's moderation: its flagged posts when none of
 * its moderators visited it within {@code hearth.moderation.moderators-active-within}, and the
 * appeals no one of its own staff may decide (the moderator who acted is its only one). Anywhere
 * else a community's moderators act alone, and site administrators see nothing of its queue.
 */
@Service
public class SiteStaffReach {

    private final Communities communities;
    private final CommunityNames names;
    private final TrustLevels trust;
    private final Flags flags;
    private final MemberFlags memberFlags;
    private final Appeals appeals;
    private final ModerationSettings settings;

    SiteStaffReach(Communities communities, CommunityNames names, TrustLevels trust, Flags flags, MemberFlags memberFlags, Appeals appeals,
            ModerationSettings settings) {
        this.communities = communities;
        this.names = names;
        this.trust = trust;
        this.flags = flags;
        this.memberFlags = memberFlags;
        this.appeals = appeals;
        this.settings = settings;
    }

    /**
     * The community as someone working its queue acts in it: as its moderator, or as site staff
     * for a site administrator who does not moderate it (what they may do there is then narrowed
     * by {@link #withoutActiveModerators} and {@link #leftToTheSite}). Empty for anyone else.
     */
    public Optional<Access> working(String slug, Viewer viewer) {
        return communities.visibleTo(slug, viewer).filter(Access::moderates).or(() -> communities.asSiteStaff(slug, viewer));
    }

    /**
     * The community as someone working its flagged and held posts acts in it: its moderator, or
     * site staff only where its moderators are away. Empty for anyone else.
     */
    public Optional<Access> workingPosts(String slug, Viewer viewer) {
        return working(slug, viewer).filter(a -> !a.siteStaff() || withoutActiveModerators(a.community().id()));
    }

    /** Whether no moderator or owner of the community visited it recently enough to count as active. */
    public boolean withoutActiveModerators(String communityId) {
        long since = flags.now() - settings.moderatorsActiveWithin().toMillis();
        return !trust.anyVisitedSince(communityId, communities.staffIds(communityId), since);
    }

    /** Whether this access may work the community's flagged posts: its moderators, or site staff where they are away. */
    boolean mayWorkFlags(Access access) {
        return access.canModerate() && (!access.siteStaff() || withoutActiveModerators(access.community().id()));
    }

    /** Whether only site staff may decide an appeal of this action: the community has no staff but the one who acted. */
    boolean leftToTheSite(Appeals.Action action) {
        return leftToTheSite(action, communities.staffIds(action.communityId()));
    }

    /** As above, with the community's staff already known: for lists of appeals, one query per community. */
    static boolean leftToTheSite(Appeals.Action action, List<String> staffIds) {
        return staffIds.stream().allMatch(id -> id.equals(action.moderatorId()));
    }

    /** A community with work waiting for site administrators; {@code flagged}: flagged posts and flagged members. */
    public record Waiting(Named community, int flagged, int appeals) {
    }

    /** Every community where site administrators have work: flagged posts no active moderator works, appeals left to the site. */
    public List<Waiting> waiting(Viewer viewer) {
        if (viewer == null || !viewer.siteAdmin()) {
            return List.of();
        }
        Map<String, Integer> waitingFlagged = new LinkedHashMap<>(flags.waitingEverywhere());
        memberFlags.waitingEverywhere().forEach((communityId, count) -> waitingFlagged.merge(communityId, count, Integer::sum));
        Map<String, Integer> flagged = new LinkedHashMap<>();
        waitingFlagged.forEach((communityId, count) -> {
            if (withoutActiveModerators(communityId)) {
                flagged.put(communityId, count);
            }
        });
        List<Appeals.Appeal> waitingAppeals = appeals.waitingEverywhere();
        Map<String, Appeals.Action> actions = appeals.actions(waitingAppeals.stream().map(Appeals.Appeal::actionId).toList());
        Map<String, Integer> appealed = new LinkedHashMap<>();
        Map<String, List<String>> staff = new HashMap<>();
        for (Appeals.Appeal appeal : waitingAppeals) {
            Appeals.Action action = actions.get(appeal.actionId());
            if (action != null && leftToTheSite(action, staff.computeIfAbsent(action.communityId(), communities::staffIds))) {
                appealed.merge(appeal.communityId(), 1, Integer::sum);
            }
        }
        Set<String> ids = new HashSet<>(flagged.keySet());
        ids.addAll(appealed.keySet());
        Map<String, Named> named = names.byId(ids);
        List<Waiting> waiting = new ArrayList<>();
        for (String id : ids) {
            if (named.get(id) != null) {
                waiting.add(new Waiting(named.get(id), flagged.getOrDefault(id, 0), appealed.getOrDefault(id, 0)));
            }
        }
        waiting.sort(Comparator.comparing(w -> w.community().name()));
        return waiting;
    }
}
