package org.hearth.notification;

import static org.hearth.notification.schema.Tables.COMMUNITY_FOLLOWERS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_CHOICES;
import static org.hearth.notification.schema.Tables.NOTIFICATION_SETTINGS;
import static org.hearth.notification.schema.Tables.NOTIFICATIONS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS;
import static org.hearth.notification.schema.Tables.PUSH_SUBSCRIPTIONS;
import static org.hearth.notification.schema.Tables.TOPIC_FOLLOWERS;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A member's notifications and what they follow, in their download: what they were told (kind,
 * how many, when, read or not; never who did it, which may be another member's anonymous post),
 * the topics and communities they follow, their choices of e-mail and push, the browsers they
 * turned push on for (by name and date; their push addresses and keys are the browser's and stay
 * sealed). Erasing removes all of it, the news of what they did
 * that no one was told yet, and their name from what others were told.
 */
@Component
@Order(40)
class NotificationsOfAMember implements MemberData {

    private final DSLContext db;

    NotificationsOfAMember(DSLContext db) {
        this.db = db;
    }

    @Override
    public String section() {
        return "notifications";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(NOTIFICATIONS, NOTIFICATION_EVENTS, TOPIC_FOLLOWERS, COMMUNITY_FOLLOWERS, NOTIFICATION_CHOICES, NOTIFICATION_SETTINGS,
                PUSH_SUBSCRIPTIONS);
    }

    record Section(List<Told> notifications, List<FollowedTopic> topics, List<FollowedCommunity> communities,
            Map<String, String> emailChoices, Map<String, Boolean> pushChoices, Boolean discreetEmails, List<PushBrowser> pushBrowsers) {
    }

    record PushBrowser(String browser, Instant since, Instant lastSent) {
    }

    record Told(String kind, String communityId, String topicId, String postId, int howMany, Instant at, Instant readAt) {
    }

    record FollowedTopic(String topicId, boolean stopped, Instant since) {
    }

    record FollowedCommunity(String communityId, Instant since) {
    }

    @Override
    public Object export(String memberId) {
        return new Section(
                db.select(NOTIFICATIONS.KIND, NOTIFICATIONS.COMMUNITY_ID, NOTIFICATIONS.TOPIC_ID, NOTIFICATIONS.POST_ID,
                                NOTIFICATIONS.HOW_MANY, NOTIFICATIONS.UPDATED_AT, NOTIFICATIONS.READ_AT)
                        .from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(memberId)).orderBy(NOTIFICATIONS.UPDATED_AT, NOTIFICATIONS.ID)
                        .fetch(r -> new Told(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), Instant.ofEpochMilli(r.value6()),
                                r.value7() == null ? null : Instant.ofEpochMilli(r.value7()))),
                db.select(TOPIC_FOLLOWERS.TOPIC_ID, TOPIC_FOLLOWERS.STOPPED, TOPIC_FOLLOWERS.SINCE).from(TOPIC_FOLLOWERS)
                        .where(TOPIC_FOLLOWERS.MEMBER_ID.eq(memberId)).orderBy(TOPIC_FOLLOWERS.SINCE, TOPIC_FOLLOWERS.TOPIC_ID)
                        .fetch(r -> new FollowedTopic(r.value1(), Boolean.TRUE.equals(r.value2()), Instant.ofEpochMilli(r.value3()))),
                db.select(COMMUNITY_FOLLOWERS.COMMUNITY_ID, COMMUNITY_FOLLOWERS.SINCE).from(COMMUNITY_FOLLOWERS)
                        .where(COMMUNITY_FOLLOWERS.MEMBER_ID.eq(memberId)).orderBy(COMMUNITY_FOLLOWERS.SINCE, COMMUNITY_FOLLOWERS.COMMUNITY_ID)
                        .fetch(r -> new FollowedCommunity(r.value1(), Instant.ofEpochMilli(r.value2()))),
                new TreeMap<>(db.select(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.EMAIL).from(NOTIFICATION_CHOICES)
                        .where(NOTIFICATION_CHOICES.MEMBER_ID.eq(memberId)).fetchMap(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.EMAIL)),
                new TreeMap<>(db.select(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.PUSH).from(NOTIFICATION_CHOICES)
                        .where(NOTIFICATION_CHOICES.MEMBER_ID.eq(memberId), NOTIFICATION_CHOICES.PUSH.isNotNull())
                        .fetchMap(NOTIFICATION_CHOICES.KIND, NOTIFICATION_CHOICES.PUSH)),
                db.select(NOTIFICATION_SETTINGS.DISCREET).from(NOTIFICATION_SETTINGS).where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(memberId))
                        .fetchOne(NOTIFICATION_SETTINGS.DISCREET),
                db.select(PUSH_SUBSCRIPTIONS.BROWSER, PUSH_SUBSCRIPTIONS.CREATED_AT, PUSH_SUBSCRIPTIONS.LAST_SENT_AT).from(PUSH_SUBSCRIPTIONS)
                        .where(PUSH_SUBSCRIPTIONS.MEMBER_ID.eq(memberId)).orderBy(PUSH_SUBSCRIPTIONS.CREATED_AT, PUSH_SUBSCRIPTIONS.ID)
                        .fetch(r -> new PushBrowser(r.value1(), Instant.ofEpochMilli(r.value2()),
                                r.value3() == null ? null : Instant.ofEpochMilli(r.value3()))));
    }

    @Override
    public void erase(String memberId) {
        db.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(memberId)).execute();
        db.update(NOTIFICATIONS).set(NOTIFICATIONS.ACTOR_MEMBER_ID, (String) null).where(NOTIFICATIONS.ACTOR_MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.ACTOR_ID.eq(memberId).or(NOTIFICATION_EVENTS.RECIPIENT_ID.eq(memberId)))
                .execute();
        db.deleteFrom(TOPIC_FOLLOWERS).where(TOPIC_FOLLOWERS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(COMMUNITY_FOLLOWERS).where(COMMUNITY_FOLLOWERS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(NOTIFICATION_CHOICES).where(NOTIFICATION_CHOICES.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(NOTIFICATION_SETTINGS).where(NOTIFICATION_SETTINGS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(PUSH_SUBSCRIPTIONS).where(PUSH_SUBSCRIPTIONS.MEMBER_ID.eq(memberId)).execute();
    }
}
