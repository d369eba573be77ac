package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_SETTINGS;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hearth.community.CommunityNames;
import org.hearth.identity.Members;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Which members may be told outside Hearth now (by e-mail or on their devices) and how: a
 * paused member is told nothing (the notifications page still lists it); a member in their quiet
 * hours, in their own time zone, is told when they end; a member is discreet unless they said
 * otherwise. E-mail and push ask the same question, so they always agree.
 */
@Component
class OutsideHearth {

    /** How one member may be told: {@code notBefore} is when their quiet hours end (null: now). */
    record Window(boolean discreet, Long notBefore) {
    }

    private final DSLContext db;
    private final Members members;
    private final Clock clock;
    private final CommunityNames names;

    OutsideHearth(DSLContext db, Members members, Clock clock, CommunityNames names) {
        this.names = names;
        this.db = db;
        this.members = members;
        this.clock = clock;
    }

    /** Each of these members who is not paused, with how they may be told. */
    Map<String, Window> whoMayBeTold(Set<String> memberIds) {
        Map<String, Window> windows = new HashMap<>();
        if (memberIds.isEmpty()) {
            return windows;
        }
        memberIds.forEach(id -> windows.put(id, new Window(true, null)));
        Map<String, QuietHours> quiet = new HashMap<>();
        long now = clock.millis();
        db.select(NOTIFICATION_SETTINGS.MEMBER_ID, NOTIFICATION_SETTINGS.DISCREET, NOTIFICATION_SETTINGS.QUIET_FROM,
                        NOTIFICATION_SETTINGS.QUIET_UNTIL, NOTIFICATION_SETTINGS.PAUSED_UNTIL)
                .from(NOTIFICATION_SETTINGS).where(NOTIFICATION_SETTINGS.MEMBER_ID.in(memberIds))
                .forEach(r -> {
                    if (r.value5() != null && r.value5() > now) {
                        windows.remove(r.value1()); // paused: the notifications page has it, nothing else tells it
                        return;
                    }
                    windows.put(r.value1(), new Window(!Boolean.FALSE.equals(r.value2()), null));
                    if (r.value3() != null && r.value4() != null) {
                        quiet.put(r.value1(), new QuietHours(r.value3(), r.value4()));
                    }
                });
        if (!quiet.isEmpty()) {
            Map<String, ZoneId> zones = members.timeZones(quiet.keySet());
            Instant at = Instant.ofEpochMilli(now);
            quiet.forEach((id, hours) -> hours.endIfQuiet(at, zones.getOrDefault(id, ZoneOffset.UTC))
                    .ifPresent(end -> windows.put(id, new Window(windows.get(id).discreet(), end.toEpochMilli()))));
        }
        return windows;
    }

    /** The community's name, asked only when one of these members turned discretion off; else null. */
    String communityNameFor(String communityId, Map<String, Window> windows) {
        if (communityId == null || windows.values().stream().allMatch(Window::discreet)) {
            return null;
        }
        return Optional.ofNullable(names.byId(Set.of(communityId)).get(communityId)).map(CommunityNames.Named::name).orElse(null);
    }
}
