package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATIONS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS;
import static org.hearth.notification.schema.Tables.TOPIC_FOLLOWERS;

import java.time.Clock;
import org.hearth.clinician.ApplicationDecided;
import org.hearth.clinician.EvidenceNoteShown;
import org.hearth.community.JoinRequested;
import org.hearth.community.MemberLeft;
import org.hearth.conversation.MembersMentioned;
import org.hearth.conversation.PostDeleted;
import org.hearth.conversation.PostHidden;
import org.hearth.conversation.PostShown;
import org.hearth.conversation.ReactionGiven;
import org.hearth.conversation.ReplyPosted;
import org.hearth.conversation.TopicStarted;
import org.hearth.decision.ExperienceAdded;
import org.hearth.moderation.AppealDecided;
import org.hearth.moderation.MemberFlagged;
import org.hearth.moderation.ModerationActionTaken;
import org.hearth.moderation.PostFlagged;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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
                started.anonymous(), null, null);
    }

    /** A reply, unless it is a decision's experience, which is told as one (see {@link #on(ExperienceAdded)}). */
    @EventListener
    void on(ReplyPosted reply) {
        follow(reply.topicId(), reply.authorId());
        if (!db.fetchExists(NOTIFICATION_EVENTS, NOTIFICATION_EVENTS.POST_ID.eq(reply.postId()),
                NOTIFICATION_EVENTS.KIND.eq(NotificationKind.EXPERIENCE.name()))) {
            queue(NotificationKind.REPLY, reply.communityId(), reply.topicId(), reply.postId(), reply.authorId(), reply.anonymous(),
                    null, null);
        }
    }

    /** Published beside its reply's event, before or after it: the reply is told once, as an experience. */
    @EventListener
    void on(ExperienceAdded added) {
        int renamed = db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.KIND, NotificationKind.EXPERIENCE.name())
                .where(NOTIFICATION_EVENTS.POST_ID.eq(added.postId()), NOTIFICATION_EVENTS.KIND.eq(NotificationKind.REPLY.name()))
                .execute();
        if (renamed == 0) {
            queue(NotificationKind.EXPERIENCE, added.communityId(), added.topicId(), added.postId(), added.authorId(),
                    added.anonymous(), null, null);
        }
    }

    @EventListener
    void on(ReactionGiven reaction) {
        // the event names no topic; the fan-out finds it with the post
        queue(NotificationKind.REACTION, reaction.communityId(), null, reaction.postId(), reaction.memberId(), false, null, null);
    }

    /** One item per member named: each is told (or not) on their own. */
    @EventListener
    void on(MembersMentioned mentioned) {
        for (String memberId : mentioned.memberIds()) {
            queue(NotificationKind.MENTION, mentioned.communityId(), mentioned.topicId(), mentioned.postId(), mentioned.authorId(),
                    mentioned.anonymous(), memberId, null);
        }
    }

    /** Told when members see the note (after ratings), not when it was written. */
    @EventListener
    void on(EvidenceNoteShown shown) {
        queue(NotificationKind.EVIDENCE_NOTE, null, null, shown.postId(), shown.authorId(), false, null, null);
    }

    /** A decision about a member or their post; not one a moderator took about themselves. */
    @EventListener
    void on(ModerationActionTaken taken) {
        if (taken.memberId() != null && !taken.memberId().equals(taken.moderatorId())) {
            queue(NotificationKind.DECISION_ABOUT_YOU, taken.communityId(), null, null, taken.moderatorId(), false, taken.memberId(),
                    taken.actionId());
        }
    }

    @EventListener
    void on(AppealDecided decided) {
        queue(NotificationKind.APPEAL_DECIDED, decided.communityId(), null, null, null, false, decided.memberId(), decided.appealId());
    }

    @EventListener
    void on(ApplicationDecided decided) {
        queue(NotificationKind.APPLICATION_DECIDED, null, null, null, null, false, decided.memberId(), decided.applicationId());
    }

    @EventListener
    void on(JoinRequested requested) {
        queue(NotificationKind.JOIN_REQUEST, requested.communityId(), null, null, requested.memberId(), false, null, null);
    }

    /** Names no flagger: the moderators are told that something waits, not who flagged it. */
    @EventListener
    void on(PostFlagged flagged) {
        queue(NotificationKind.REVIEW_QUEUE, flagged.communityId(), null, null, null, false, null, null);
    }

    @EventListener
    void on(MemberFlagged flagged) {
        queue(NotificationKind.REVIEW_QUEUE, flagged.communityId(), null, null, null, false, null, null);
    }

    /** A post held for review was let through: what waits for it goes out now. */
    @EventListener
    void on(PostShown shown) {
        int woken = db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.NOT_BEFORE, clock.millis())
                .where(NOTIFICATION_EVENTS.POST_ID.eq(shown.postId())).execute();
        if (woken > 0) {
            wakeAfterCommit();
        }
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

    /**
     * Left or removed: nothing more from that community, not even what they had not read yet
     * (but what was decided about them personally, which they may still read on their decisions page).
     */
    @EventListener
    void on(MemberLeft left) {
        db.deleteFrom(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(left.memberId()), NOTIFICATIONS.COMMUNITY_ID.eq(left.communityId()),
                NOTIFICATIONS.KIND.notIn(NotificationKind.DECISION_ABOUT_YOU.name(), NotificationKind.APPEAL_DECIDED.name())).execute();
    }

    private void queue(NotificationKind kind, String communityId, String topicId, String postId, String actorId, boolean anonymous,
            String recipientId, String aboutId) {
        long now = clock.millis();
        db.insertInto(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.ID, RandomId.next()).set(NOTIFICATION_EVENTS.KIND, kind.name())
                .set(NOTIFICATION_EVENTS.COMMUNITY_ID, communityId).set(NOTIFICATION_EVENTS.TOPIC_ID, topicId)
                .set(NOTIFICATION_EVENTS.POST_ID, postId).set(NOTIFICATION_EVENTS.ACTOR_ID, actorId)
                .set(NOTIFICATION_EVENTS.ANONYMOUS, anonymous).set(NOTIFICATION_EVENTS.RECIPIENT_ID, recipientId)
                .set(NOTIFICATION_EVENTS.ABOUT_ID, aboutId)
                .set(NOTIFICATION_EVENTS.CREATED_AT, now).set(NOTIFICATION_EVENTS.NOT_BEFORE, now).execute();
        wakeAfterCommit();
    }

    /** The fan-out need not wait for its next round: it is woken once the change commits (at once without a transaction). */
    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    fanOut.soon();
                }
            });
        } else {
            fanOut.soon();
        }
    }

    private void follow(String topicId, String memberId) {
        db.insertInto(TOPIC_FOLLOWERS).set(TOPIC_FOLLOWERS.TOPIC_ID, topicId).set(TOPIC_FOLLOWERS.MEMBER_ID, memberId)
                .set(TOPIC_FOLLOWERS.STOPPED, false).set(TOPIC_FOLLOWERS.SINCE, clock.millis()).onConflictDoNothing().execute();
    }
}
