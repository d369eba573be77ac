package org.hearth.crisis;

import static org.hearth.crisis.schema.Tables.CONCERN_REPORTERS;
import static org.hearth.crisis.schema.Tables.SUPPORT_ALERTS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.identity.MemberData;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Support alerts in a member's download, and what happens to them when the member deletes
 * their account.
 *
 * <p>What is exported, and why:
 * <ul>
 * <li>Alerts the member asked for about their own posts: all of it (community, post, when,
 * whether a moderator handled it).</li>
 * <li>Concerns other members raised about them: that there was one, in which community, about
 * which of their posts, when, and whether it was handled; never who raised it nor their note,
 * which was written to the moderators in confidence and could name the one who wrote it.</li>
 * <li>Concerns the member raised: community, post, their own note, when, whether handled; not
 * whom it was about (the author of an anonymous post stays unknown to them).</li>
 * <li>Alerts the member handled as a moderator: community and when, not whom they were about.</li>
 * </ul>
 * Erased before conversations (100) and memberships (200): alerts about the member go; their
 * name and note come off concerns they raised about others, which stay for the moderators; their
 * name comes off alerts they handled.
 */
@Component
@Order(50)
class SupportOfAMember implements MemberData {

    private final SupportAlerts alerts;
    private final CommunityNames communityNames;

    SupportOfAMember(SupportAlerts alerts, CommunityNames communityNames) {
        this.alerts = alerts;
        this.communityNames = communityNames;
    }

    @Override
    public String section() {
        return "support";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(SUPPORT_ALERTS, CONCERN_REPORTERS);
    }

    /** @param lastConcernAttemptAt when they last tried to raise a concern (kept for the limits), or null */
    record Section(List<Asked> askedModeratorsToLookIn, List<Concern> concernsAboutYou, List<Raised> concernsYouRaised,
            List<Handled> alertsYouHandled, Instant lastConcernAttemptAt) {
    }

    record Asked(Named community, String postId, Instant at, boolean handled) {
    }

    record Concern(Named community, String postId, Instant at, boolean handled) {
    }

    record Raised(Named community, String postId, String note, Instant at, boolean handled) {
    }

    record Handled(Named community, Instant at) {
    }

    @Override
    public Object export(String memberId) {
        var about = alerts.about(memberId);
        var raised = alerts.reportedBy(memberId);
        var handled = alerts.handledBy(memberId);
        Set<String> communityIds = new HashSet<>();
        about.forEach(a -> communityIds.add(a.communityId()));
        raised.forEach(a -> communityIds.add(a.communityId()));
        handled.forEach(a -> communityIds.add(a.communityId()));
        Map<String, Named> names = communityNames.byId(communityIds);
        return new Section(
                about.stream().filter(a -> a.kind() == SupportAlerts.Kind.ASKED)
                        .map(a -> new Asked(names.get(a.communityId()), a.postId(), Instant.ofEpochMilli(a.createdAt()), a.handled()))
                        .toList(),
                about.stream().filter(a -> a.kind() == SupportAlerts.Kind.CONCERN)
                        .map(a -> new Concern(names.get(a.communityId()), a.postId(), Instant.ofEpochMilli(a.createdAt()), a.handled()))
                        .toList(),
                raised.stream().map(a -> new Raised(names.get(a.communityId()), a.postId(), a.note(),
                        Instant.ofEpochMilli(a.createdAt()), a.handled())).toList(),
                handled.stream().map(a -> new Handled(names.get(a.communityId()), Instant.ofEpochMilli(a.handledAt()))).toList(),
                alerts.lastReportBy(memberId).map(Instant::ofEpochMilli).orElse(null));
    }

    @Override
    public void erase(String memberId) {
        alerts.erase(memberId);
    }
}
