package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATIONS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS;
import static org.hearth.notification.schema.Tables.TOPIC_FOLLOWERS;

import java.time.Clock;
import org.hearth.community.MemberLeft;
import org.hearth.conversation.MembersMentioned;
import org.hearth.conversation.PostDeleted;
import org.hearth.conversation.PostHidden;
import org.hearth.conversation.PostShown;
import org.hearth.conversation.ReactionGiven;
import org.hearth.conversation.ReplyPosted;
import org.hearth.conversation.TopicStarted;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Writes what happened into the queue inside the transaction of the change (the events are
 * published there and these listeners run before it commits), so an acknowledged reply is never
 * lost to its readers by a crash; after the commit it wakes the fan-out. Whoever writes in a
 * topic follows it from then on, unless they chose to stop. Takes back, in the same
 * transactions, what a member may no longer be told: unread notifications of a post hidden or
 * deleted, and of a community the member left or was removed from.
 */
@Component
class NotificationQueue {

    private final DSLContext db;
    private final Clock clock;
    private final FanOut fanOut;

    NotificationQueue(DSLContext db, Clock clock, FanOut fanOut) {
        this.db = db;
        this.clock = clock;
        this.fanOut = fanOut;
    }

    @EventListener
    void on(TopicStarted started) {
        follow(started.topicId(), started.authorId());
        queue(NotificationKind.NEW_TOPIC, started.communityId(), started.topicId(), started.postId(), started.authorId(),
                started.anonymous());
    }

    @EventListener
    void on(ReplyPosted reply) {
        follow(reply.topicId(), reply.authorId());
        queue(NotificationKind.REPLY, reply.communityId(), reply.topicId(), reply.postId(), reply.authorId(), reply.anonymous());
    }

    @EventListener
    void on(ReactionGiven reaction) {
        // the event names no topic; the fan-out finds it with the post
        queue(NotificationKind.REACTION, reaction.communityId(), null, reaction.postId(), reaction.memberId(), false);
    }

    /** One item per member named: each is told (or not) on their own. */
    @EventListener
    void on(MembersMentioned mentioned) {
        for (String memberId : mentioned.memberIds()) {
            queue(NotificationKind.MENTION, mentioned.communityId(), mentioned.topicId(), mentioned.postId(), mentioned.authorId(),
                    mentioned.anonymous(), memberId);
        }
    }

    @TransactionalEventListener(fallbackExecution = true)
    void wake(MembersMentioned mentioned) {
        fanOut.soon();
    }

    /** A post held for review was let through: what waits for it goes out now. */
    @EventListener
    void on(PostShown shown) {
        db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.NOT_BEFORE, clock.millis())
                .where(NOTIFICATION_EVENTS.POST_ID.eq(shown.postId())).execute();
    }

    @EventListener
    void on(PostHidden hidden) {
        db.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.POST_ID.eq(hidden.postId()), NOTIFICATIONS.READ_AT.isNull()).execute();
    }

    @EventListener
    void on(PostDeleted deleted) {
        db.deleteFrom(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.POST_ID.eq(deleted.postId())).execute();
        db.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.POST_ID.eq(deleted.postId())).execute();
    }

    /** Left or removed: nothing more from that community, not even what they had not read yet. */
    @EventListener
    void on(MemberLeft left) {
        db.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(left.memberId()),
                NOTIFICATIONS.COMMUNITY_ID.eq(left.communityId())).execute();
    }

    /** After the commit: the fan-out need not wait for its next round. */
    @TransactionalEventListener(fallbackExecution = true)
    void wake(ReplyPosted reply) {
        fanOut.soon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void wake(TopicStarted started) {
        fanOut.soon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void wake(ReactionGiven reaction) {
        fanOut.soon();
    }

    @TransactionalEventListener(fallbackExecution = true)
    void wake(PostShown shown) {
        fanOut.soon();
    }

    private void queue(NotificationKind kind, String communityId, String topicId, String postId, String actorId, boolean anonymous) {
        queue(kind, communityId, topicId, postId, actorId, anonymous, null);
    }

    private void queue(NotificationKind kind, String communityId, String topicId, String postId, String actorId, boolean anonymous,
            String recipientId) {
        long now = clock.millis();
        db.insertInto(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.ID, RandomId.next()).set(NOTIFICATION_EVENTS.KIND, kind.name())
                .set(NOTIFICATION_EVENTS.COMMUNITY_ID, communityId).set(NOTIFICATION_EVENTS.TOPIC_ID, topicId)
                .set(NOTIFICATION_EVENTS.POST_ID, postId).set(NOTIFICATION_EVENTS.ACTOR_ID, actorId)
                .set(NOTIFICATION_EVENTS.ANONYMOUS, anonymous).set(NOTIFICATION_EVENTS.RECIPIENT_ID, recipientId)
                .set(NOTIFICATION_EVENTS.CREATED_AT, now)
                .set(NOTIFICATION_EVENTS.NOT_BEFORE, now).execute();
    }

    private void follow(String topicId, String memberId) {
        db.insertInto(TOPIC_FOLLOWERS).set(TOPIC_FOLLOWERS.TOPIC_ID, topicId).set(TOPIC_FOLLOWERS.MEMBER_ID, memberId)
                .set(TOPIC_FOLLOWERS.STOPPED, false).set(TOPIC_FOLLOWERS.SINCE, clock.millis()).onConflictDoNothing().execute();
    }
}
