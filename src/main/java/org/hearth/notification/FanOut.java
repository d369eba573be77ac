package org.hearth.notification;

import static org.hearth.notification.schema.Tables.COMMUNITY_FOLLOWERS;
import static org.hearth.notification.schema.Tables.NOTIFICATIONS;
import static org.hearth.notification.schema.Tables.NOTIFICATION_EVENTS;
import static org.hearth.notification.schema.Tables.TOPIC_FOLLOWERS;

import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.hearth.blocking.Blocks;
import org.hearth.community.Communities;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.Conversations.PostNow;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tells members what the queue holds, after the commit of what happened and off the request
 * that caused it: woken at once on the node that wrote it, and every few seconds on every node
 * for what a crash or another node left. Each item is told in one transaction that claims it
 * (a conditional update: on several nodes one wins, the others find nothing to do), decides who
 * hears of it now, writes their notifications and deletes it; a failure rolls all of it back
 * and the item is tried again later, each time after a longer wait. So an item is never lost
 * and never told twice.
 *
 * <p>Who hears of it is decided here, not when it happened. About a post: members of the post's
 * community now (for a mention, whoever may read it), not its writer, not those who blocked its
 * writer (also when the post is anonymous: leaving them out tells nobody anything; for a mention,
 * not when either blocked the other), not those who muted the topic (replies, experiences,
 * mentions). A post that is hidden (held for review) waits, parked, until it is shown; a deleted
 * one is told to no one. About a member (a decision, an appeal, an application): that member
 * alone, whatever their standing. For moderators (join requests, flags): the community's
 * moderators and owners at the moment of telling.
 */
@Component
class FanOut {

    private static final Logger log = LoggerFactory.getLogger(FanOut.class);
    private static final int BATCH = 100;
    /** Parked: the post is hidden; {@link NotificationQueue} wakes the item when it is shown. */
    private static final long PARKED = Long.MAX_VALUE / 2;
    /** A parked item whose post stayed hidden this long is forgotten: the moment has passed. */
    private static final Duration FORGET_PARKED_AFTER = Duration.ofDays(14);
    private static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /** About two days of retries, the last ones an hour apart: then the item is given up, with a line in the log. */
    private static final int MAX_ATTEMPTS = 60;

    private final DSLContext db;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final Conversations conversations;
    private final Communities communities;
    private final Blocks blocks;
    private final UnreadCounts unread;
    private final NotificationMail mail;
    private final NotificationPush push;
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private final AtomicBoolean wanted = new AtomicBoolean();
    private final ReentrantLock telling = new ReentrantLock();

    FanOut(DSLContext db, Clock clock, PlatformTransactionManager transactionManager, Conversations conversations,
            Communities communities, Blocks blocks, UnreadCounts unread, NotificationMail mail, NotificationPush push) {
        this.mail = mail;
        this.push = push;
        this.db = db;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.conversations = conversations;
        this.communities = communities;
        this.blocks = blocks;
        this.unread = unread;
    }

    /** Something was queued and committed: tell it now, on a thread of its own (many calls make one round). */
    void soon() {
        if (wanted.compareAndSet(false, true)) {
            try {
                work.execute(this::tellWaiting);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                wanted.set(false); // shutting down: the next node's round tells it
            }
        }
    }

    /** What a crash, a failure or another node left in the queue. */
    @Scheduled(fixedDelayString = "${hearth.notifications.fan-out-interval:3s}", initialDelayString = "${hearth.notifications.fan-out-interval:3s}")
    void tellWaiting() {
        telling.lock();
        try {
            wanted.set(false);
            int told;
            do {
                told = round();
            } while (told == BATCH);
        } catch (RuntimeException e) {
            log.warn("Notifications could not be told this round: {}", e.getClass().getSimpleName());
        } finally {
            telling.unlock();
        }
    }

    /** Once an hour, not every round: an idle node then only reads. */
    @Scheduled(fixedDelay = 1, initialDelay = 1, timeUnit = java.util.concurrent.TimeUnit.HOURS)
    void forgetParked() {
        db.deleteFrom(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.NOT_BEFORE.eq(PARKED),
                NOTIFICATION_EVENTS.CREATED_AT.lt(clock.millis() - FORGET_PARKED_AFTER.toMillis())).execute();
    }

    /** One batch of due items, each in a transaction of its own; how many were due. */
    private int round() {
        long now = clock.millis();
        List<? extends Record> due = db.select(NOTIFICATION_EVENTS.fields()).from(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.NOT_BEFORE.le(now))
                .orderBy(NOTIFICATION_EVENTS.NOT_BEFORE, NOTIFICATION_EVENTS.CREATED_AT).limit(BATCH).fetch();
        for (Record event : due) {
            try {
                Set<String> told = transactions.execute(status -> tell(event, now));
                unread.changed(told);
            } catch (RuntimeException e) {
                later(event);
            }
        }
        return due.size();
    }

    /** Claims the item and tells it; whom it told (none when another node had it). */
    private Set<String> tell(Record event, long now) {
        String id = event.get(NOTIFICATION_EVENTS.ID);
        int claimed = db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.ATTEMPTS, NOTIFICATION_EVENTS.ATTEMPTS.plus(1))
                .where(NOTIFICATION_EVENTS.ID.eq(id), NOTIFICATION_EVENTS.NOT_BEFORE.le(now)).execute();
        if (claimed == 0) {
            return Set.of();
        }
        NotificationKind kind = NotificationKind.valueOf(event.get(NOTIFICATION_EVENTS.KIND));
        String actorId = event.get(NOTIFICATION_EVENTS.ACTOR_ID);
        String recipientId = event.get(NOTIFICATION_EVENTS.RECIPIENT_ID);
        String communityId = event.get(NOTIFICATION_EVENTS.COMMUNITY_ID);
        Set<String> told;
        switch (kind.audience()) {
            case PERSONAL -> told = tellOne(kind, communityId, recipientId, event.get(NOTIFICATION_EVENTS.ABOUT_ID), now);
            case MODERATORS -> told = tellModerators(kind, communityId, actorId, now);
            default -> {
                String postId = event.get(NOTIFICATION_EVENTS.POST_ID);
                PostNow post = conversations.postsNow(Set.of(postId)).get(postId);
                if (post != null && post.hidden() && !post.deleted()) {
                    db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.NOT_BEFORE, PARKED).where(NOTIFICATION_EVENTS.ID.eq(id)).execute();
                    return Set.of();
                }
                told = post == null || post.deleted() ? Set.of() : tellAboutAPost(kind, post, actorId, recipientId, now);
            }
        }
        db.deleteFrom(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.ID.eq(id)).execute();
        return told;
    }

    /**
     * A decision about the member, their appeal, their application: told to them alone, whatever
     * their standing now (a member removed from a community is still told why), and with no name:
     * moderators and reviewers act for the community and the site.
     */
    private Set<String> tellOne(NotificationKind kind, String communityId, String memberId, String about, long now) {
        if (memberId == null) {
            return Set.of();
        }
        write(kind, kind.batchKey(communityId, null, null, about), communityId, null, null, null, Set.of(memberId), now);
        return Set.of(memberId);
    }

    /** Join requests and flags: told to the community's moderators and owners now (not to whoever caused it), one row each while unread. */
    private Set<String> tellModerators(NotificationKind kind, String communityId, String actorId, long now) {
        Set<String> to = new LinkedHashSet<>(communities.staffIds(communityId));
        to.remove(actorId);
        if (to.isEmpty()) {
            return Set.of();
        }
        write(kind, kind.batchKey(communityId, null, null, null), communityId, null, null, null, to, now);
        return to;
    }

    private Set<String> tellAboutAPost(NotificationKind kind, PostNow post, String actorId, String recipientId, long now) {
        String topicId = post.location().topicId();
        Set<String> to = new LinkedHashSet<>(switch (kind) {
            case REPLY, EXPERIENCE -> db.select(TOPIC_FOLLOWERS.MEMBER_ID).from(TOPIC_FOLLOWERS)
                    .where(TOPIC_FOLLOWERS.TOPIC_ID.eq(topicId), TOPIC_FOLLOWERS.STOPPED.isFalse()).fetch(TOPIC_FOLLOWERS.MEMBER_ID);
            case NEW_TOPIC -> db.select(COMMUNITY_FOLLOWERS.MEMBER_ID).from(COMMUNITY_FOLLOWERS)
                    .where(COMMUNITY_FOLLOWERS.COMMUNITY_ID.eq(post.communityId())).fetch(COMMUNITY_FOLLOWERS.MEMBER_ID);
            case REACTION, EVIDENCE_NOTE -> post.authorId() == null ? List.<String>of() : List.of(post.authorId());
            case MENTION -> recipientId == null ? List.<String>of() : List.of(recipientId);
            default -> List.<String>of();
        });
        to.remove(actorId);
        if (to.isEmpty()) {
            return Set.of();
        }
        // a mention reaches whoever may read the post (anyone in a public community), the rest its members only
        to.retainAll(kind == NotificationKind.MENTION ? communities.readersAmong(post.communityId(), to)
                : communities.membersAmong(post.communityId(), to));
        // a mention goes through only when neither blocked the other; the rest leaves out who blocked the writer
        to.removeAll(blocks.blockedAmong(actorId, to, kind == NotificationKind.MENTION));
        if (kind == NotificationKind.REPLY || kind == NotificationKind.EXPERIENCE || kind == NotificationKind.MENTION) {
            to.removeAll(blocks.mutedAmong(topicId, to));
        }
        if (kind == NotificationKind.REPLY || kind == NotificationKind.EXPERIENCE) {
            to.removeAll(mentionedIn(post.postId(), to));
        }
        if (to.isEmpty()) {
            return Set.of();
        }
        // the reader is told who only where the post shows who: never for an anonymous post
        boolean actorIsTheWriter = kind != NotificationKind.REACTION && kind != NotificationKind.EVIDENCE_NOTE;
        String shownActor = actorIsTheWriter && post.anonymous() ? null : actorId;
        write(kind, kind.batchKey(post.communityId(), topicId, post.postId(), null), post.communityId(), topicId, post.postId(),
                shownActor, to, now);
        return to;
    }

    /** Those of these members the post mentions: told of it as a mention, not again as a reply. */
    private Set<String> mentionedIn(String postId, Set<String> members) {
        Set<String> mentioned = new java.util.HashSet<>(db.select(NOTIFICATION_EVENTS.RECIPIENT_ID).from(NOTIFICATION_EVENTS)
                .where(NOTIFICATION_EVENTS.POST_ID.eq(postId), NOTIFICATION_EVENTS.KIND.eq(NotificationKind.MENTION.name()))
                .fetch(NOTIFICATION_EVENTS.RECIPIENT_ID));
        mentioned.addAll(db.select(NOTIFICATIONS.MEMBER_ID).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.POST_ID.eq(postId), NOTIFICATIONS.BATCH_KEY.eq(NotificationKind.MENTION.batchKey(null, null, postId, null)))
                .fetch(NOTIFICATIONS.MEMBER_ID));
        mentioned.retainAll(members);
        return mentioned;
    }

    /**
     * Joins each member's unread row of the same key, or starts one, in one statement per 200
     * members: an insert that, where an unread row of the key exists, counts one more on it. A
     * row marked read meanwhile is no longer unread, so the news starts a row of its own.
     */
    private void write(NotificationKind kind, String key, String communityId, String topicId, String postId, String actorId,
            Set<String> to, long now) {
        List<String> members = List.copyOf(to);
        Set<String> started = new java.util.HashSet<>();
        for (int from = 0; from < members.size(); from += 200) {
            var insert = db.insertInto(NOTIFICATIONS, NOTIFICATIONS.ID, NOTIFICATIONS.MEMBER_ID, NOTIFICATIONS.KIND, NOTIFICATIONS.BATCH_KEY,
                    NOTIFICATIONS.COMMUNITY_ID, NOTIFICATIONS.TOPIC_ID, NOTIFICATIONS.POST_ID, NOTIFICATIONS.ACTOR_MEMBER_ID,
                    NOTIFICATIONS.HOW_MANY, NOTIFICATIONS.CREATED_AT, NOTIFICATIONS.UPDATED_AT);
            for (String member : members.subList(from, Math.min(members.size(), from + 200))) {
                insert = insert.values(RandomId.next(), member, kind.name(), key, communityId, topicId, postId, actorId, 1, now, now);
            }
            List<String> chunk = members.subList(from, Math.min(members.size(), from + 200));
            insert.onConflict(NOTIFICATIONS.MEMBER_ID, NOTIFICATIONS.BATCH_KEY).where(NOTIFICATIONS.READ_AT.isNull())
                    .doUpdate()
                    .set(NOTIFICATIONS.HOW_MANY, NOTIFICATIONS.HOW_MANY.plus(1))
                    .set(NOTIFICATIONS.UPDATED_AT, DSL.excluded(NOTIFICATIONS.UPDATED_AT))
                    .set(NOTIFICATIONS.ACTOR_MEMBER_ID, DSL.excluded(NOTIFICATIONS.ACTOR_MEMBER_ID))
                    .execute();
            // Which rows this statement started: any unread row it found now counts two or more, so
            // an unread row counting one is new. (Asked, not taken from RETURNING: jOOQ gives SQLite's
            // multi-row upsert back as one row.) On PostgreSQL a row another node starts meanwhile
            // waits for this transaction and then counts two, so each row starts once.
            started.addAll(db.select(NOTIFICATIONS.MEMBER_ID).from(NOTIFICATIONS)
                    .where(NOTIFICATIONS.MEMBER_ID.in(chunk), NOTIFICATIONS.BATCH_KEY.eq(key), NOTIFICATIONS.READ_AT.isNull(),
                            NOTIFICATIONS.HOW_MANY.eq(1))
                    .fetch(NOTIFICATIONS.MEMBER_ID));
        }
        // e-mail and push once per unread notification: what joins one already unread sends nothing more
        // (a thousand members at a time, to keep each statement's list of members short)
        List<String> startedList = List.copyOf(started);
        for (int from = 0; from < startedList.size(); from += 1000) {
            Set<String> some = Set.copyOf(startedList.subList(from, Math.min(startedList.size(), from + 1000)));
            mail.atOnce(kind, communityId, some);
            push.atOnce(kind, communityId, some);
        }
    }

    /** Failed: tried again after a wait that doubles each time, up to an hour; given up after about two days. */
    private void later(Record event) {
        String id = event.get(NOTIFICATION_EVENTS.ID);
        int attempts = event.get(NOTIFICATION_EVENTS.ATTEMPTS) + 1;
        try {
            if (attempts >= MAX_ATTEMPTS) {
                log.warn("A notification ({}) was given up after {} attempts", id, attempts);
                db.deleteFrom(NOTIFICATION_EVENTS).where(NOTIFICATION_EVENTS.ID.eq(id)).execute();
                return;
            }
            long wait = Math.min(LONGEST_WAIT.toMillis(), 1000L << Math.min(attempts, 20));
            db.update(NOTIFICATION_EVENTS).set(NOTIFICATION_EVENTS.ATTEMPTS, attempts)
                    .set(NOTIFICATION_EVENTS.NOT_BEFORE, clock.millis() + wait).where(NOTIFICATION_EVENTS.ID.eq(id)).execute();
            log.info("A notification ({}) could not be told yet; trying again in {} s", id, wait / 1000);
        } catch (RuntimeException e) {
            log.warn("A notification ({}) could not be put back: {}", id, e.getClass().getSimpleName());
        }
    }

    @PreDestroy
    void close() {
        work.shutdown();
    }
}
