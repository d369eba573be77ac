package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES;
import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.platform.mail.Outbox;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Web push about notifications, queued in the fan-out's own transaction like its e-mail: one
 * message per browser of each member whose unread notification just started, if they want push
 * for its kind and have not paused; in their quiet hours it waits in the outbox. What a lock
 * screen shows is "New activity on Hearth" and nothing else, unless the member turned
 * discretion off; then the kind of thing and the community's name, never a title or words.
 */
@Component
class NotificationPush {

    static final String TITLE = "Hearth";
    static final String DISCREET = "New activity on Hearth";

    private final DSLContext db;
    private final Outbox outbox;
    private final OutsideHearth outside;

    NotificationPush(DSLContext db, Outbox outbox, OutsideHearth outside) {
        this.db = db;
        this.outbox = outbox;
        this.outside = outside;
    }

    void atOnce(NotificationKind kind, String communityId, Set<String> memberIds) {
        if (memberIds.isEmpty()) {
            return;
        }
        // most members have no browser with push: one query says who has, and ends it for the rest
        Map<String, List<String>> browsers = new HashMap<>();
        db.select(PUSH_SUBSCRIPTIONS.MEMBER_ID, PUSH_SUBSCRIPTIONS.ID).from(PUSH_SUBSCRIPTIONS)
                .where(PUSH_SUBSCRIPTIONS.MEMBER_ID.in(memberIds))
                .forEach(r -> browsers.computeIfAbsent(r.value1(), m -> new ArrayList<>()).add(r.value2()));
        if (browsers.isEmpty()) {
            return;
        }
        if (kind.pushChosenHere()) {
            Map<String, Boolean> chosen = new HashMap<>();
            db.select(NOTIFICATION_CHOICES.MEMBER_ID, NOTIFICATION_CHOICES.PUSH).from(NOTIFICATION_CHOICES)
                    .where(NOTIFICATION_CHOICES.KIND.eq(kind.name()), NOTIFICATION_CHOICES.MEMBER_ID.in(browsers.keySet()),
                            NOTIFICATION_CHOICES.PUSH.isNotNull())
                    .forEach(r -> chosen.put(r.value1(), r.value2()));
            browsers.keySet().removeIf(member -> !chosen.getOrDefault(member, kind.pushByDefault()));
        }
        Map<String, OutsideHearth.Window> windows = outside.whoMayBeTold(browsers.keySet());
        String community = outside.communityNameFor(communityId, windows);
        List<Outbox.Queued> queued = new ArrayList<>();
        windows.forEach((memberId, window) -> {
            String text = window.discreet() ? DISCREET : kind.words(1) + (community == null ? "" : " in " + community);
            for (String browser : browsers.get(memberId)) {
                queued.add(new Outbox.Queued(PushCourier.CHANNEL, browser, TITLE, text, memberId, null, window.notBefore()));
            }
        });
        outbox.queueAll(queued);
    }
}
