package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.TOPICS;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.platform.RandomId;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/**
 * Hiding posts and showing them again, for the features that decide it (moderation's flags and
 * review queue): conversation owns the post and how a hidden one is shown; whoever decides
 * calls here and depends on conversation, never the other way.
 */
@Service
public class HiddenPosts {

    private final DSLContext db;
    private final Clock clock;
    private final org.springframework.context.ApplicationEventPublisher events;

    HiddenPosts(DSLContext db, Clock clock, org.springframework.context.ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A post as those who decide about it need it. {@code authorId} is for deciding (not one's
     * own post, who is told); it must never be shown to anyone who may not know who wrote an
     * anonymous post. {@code askedAgainAt}: its author edited it after it was hidden, asking
     * for another look.
     */
    public record Post(String id, String communityId, Location location, String topicTitle, String authorId, boolean anonymous,
            boolean opening, boolean deleted, Hidden hidden, Long askedAgainAt, String bodyHtml, String contentWarning,
            long createdAt) {
    }

    /** A post of this community, if the access may read the community; empty otherwise. */
    public Optional<Post> readable(Access access, String postId) {
        if (!access.canRead() || !RandomId.looksValid(postId)) {
            return Optional.empty();
        }
        return select().where(POSTS.ID.eq(postId), TOPICS.COMMUNITY_ID.eq(access.community().id())).fetchOptional(HiddenPosts::post);
    }

    /** Posts of this community by id, for its moderators only (a second factor included); empty otherwise. */
    public Map<String, Post> forModerators(Access access, Collection<String> postIds) {
        if (!access.canModerate() || postIds.isEmpty()) {
            return Map.of();
        }
        return select().where(POSTS.ID.in(postIds), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .fetchMap(r -> r.get(POSTS.ID), HiddenPosts::post);
    }

    /** Posts of this community by id, if the access may read the community (hidden ones included: the caller shows them as {@link Hidden} says). */
    public Map<String, Post> readable(Access access, Collection<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (!access.canRead() || valid.isEmpty()) {
            return Map.of();
        }
        return select().where(POSTS.ID.in(valid), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .fetchMap(r -> r.get(POSTS.ID), HiddenPosts::post);
    }

    /** The ids of every post this member wrote, deleted ones too: for erasing what others hold about them. */
    public java.util.List<String> idsByAuthor(String memberId) {
        return db.select(POSTS.ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId)).fetch(POSTS.ID);
    }

    /** Hides a post that is not deleted; false when there is none to hide. A new reason replaces the old. */
    public boolean hide(String postId, Hidden why) {
        boolean hidden = db.update(POSTS).set(POSTS.HIDDEN_AT, clock.millis()).set(POSTS.HIDDEN_WHY, why.name()).setNull(POSTS.HIDDEN_EDITED_AT)
                .where(POSTS.ID.eq(postId), POSTS.DELETED_AT.isNull()).execute() == 1;
        if (hidden) {
            events.publishEvent(new PostHidden(postId, why));
        }
        return hidden;
    }

    /** Locks a topic: no new replies but from moderators. False when it was locked already. */
    public boolean lockTopic(String topicId) {
        return db.update(TOPICS).set(TOPICS.LOCKED_AT, clock.millis()).where(TOPICS.ID.eq(topicId), TOPICS.LOCKED_AT.isNull()).execute() == 1;
    }

    /**
     * A moderator's new title for a topic of this community; returns the title it had, or empty
     * when the topic is not there.
     */
    public Optional<String> retitle(String communityId, String topicId, String title) {
        Optional<String> before = db.select(TOPICS.TITLE).from(TOPICS).where(TOPICS.ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(communityId))
                .fetchOptional(TOPICS.TITLE);
        before.ifPresent(old -> {
            db.update(TOPICS).set(TOPICS.TITLE, title).where(TOPICS.ID.eq(topicId)).execute();
            events.publishEvent(new TopicRetitled(communityId, topicId));
        });
        return before;
    }

    /**
     * Moves a topic, with all its posts, from one community to another; false when it is not in
     * the first. Every live stream of the first community ends, so no reader keeps receiving a
     * topic they may no longer read; they are checked again when they reconnect.
     */
    public boolean moveTopic(String topicId, String fromCommunityId, String toCommunityId) {
        boolean moved = db.update(TOPICS).set(TOPICS.COMMUNITY_ID, toCommunityId)
                .where(TOPICS.ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(fromCommunityId)).execute() == 1;
        if (moved) {
            events.publishEvent(new TopicMoved(topicId, fromCommunityId, toCommunityId));
        }
        return moved;
    }

    /** A community's posts held for review (new members' posts where it holds them), oldest first; moderators only. */
    public java.util.List<Post> held(Access access) {
        if (!access.canModerate()) {
            return java.util.List.of();
        }
        return select().where(TOPICS.COMMUNITY_ID.eq(access.community().id()), POSTS.HIDDEN_WHY.eq(Hidden.HELD_FOR_REVIEW.name()),
                POSTS.DELETED_AT.isNull()).orderBy(POSTS.CREATED_AT, POSTS.ID).limit(200).fetch(HiddenPosts::post);
    }

    /** How many posts of this community are held for review; 0 for anyone but its moderators. */
    public int heldCount(Access access) {
        if (!access.canModerate()) {
            return 0;
        }
        return db.fetchCount(db.select(POSTS.ID).from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(TOPICS.COMMUNITY_ID.eq(access.community().id()), POSTS.HIDDEN_WHY.eq(Hidden.HELD_FOR_REVIEW.name()),
                        POSTS.DELETED_AT.isNull()));
    }

    /**
     * Settles a held post of this community: shown to everyone, or removed (its text kept for its
     * author and an appeal). The update is the check: of two moderators at once, the second finds
     * nothing held. False when it was not held (any more).
     */
    public boolean settleHeld(String communityId, String postId, boolean letThrough) {
        var update = letThrough
                ? db.update(POSTS).setNull(POSTS.HIDDEN_AT).setNull(POSTS.HIDDEN_WHY)
                : db.update(POSTS).set(POSTS.HIDDEN_WHY, Hidden.REMOVED_BY_MODERATOR.name()).set(POSTS.HIDDEN_AT, clock.millis());
        boolean settled = update.where(POSTS.ID.eq(postId), POSTS.HIDDEN_WHY.eq(Hidden.HELD_FOR_REVIEW.name()),
                POSTS.TOPIC_ID.in(org.jooq.impl.DSL.select(TOPICS.ID).from(TOPICS).where(TOPICS.COMMUNITY_ID.eq(communityId)))).execute() == 1;
        if (settled) {
            events.publishEvent(letThrough ? new PostShown(postId) : new PostHidden(postId, Hidden.REMOVED_BY_MODERATOR));
        }
        return settled;
    }

    /** Where a post's topic is now. */
    public record TopicPlace(String topicId, String communityId) {
    }

    /** The topic a post is in and that topic's community now, whatever community asks: for putting a moved topic back. */
    public Optional<TopicPlace> topicOf(String postId) {
        return db.select(TOPICS.ID, TOPICS.COMMUNITY_ID).from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID)).where(POSTS.ID.eq(postId))
                .fetchOptional(r -> new TopicPlace(r.value1(), r.value2()));
    }

    /** Opens a locked topic to replies again (an appeal against the lock was upheld); false when it was not locked. */
    public boolean unlockTopic(String topicId) {
        return db.update(TOPICS).setNull(TOPICS.LOCKED_AT).where(TOPICS.ID.eq(topicId), TOPICS.LOCKED_AT.isNotNull()).execute() == 1;
    }

    /** Shows a hidden post to everyone again; false when it was not hidden. */
    public boolean show(String postId) {
        boolean shown = db.update(POSTS).setNull(POSTS.HIDDEN_AT).setNull(POSTS.HIDDEN_WHY).setNull(POSTS.HIDDEN_EDITED_AT)
                .where(POSTS.ID.eq(postId), POSTS.HIDDEN_AT.isNotNull()).execute() == 1;
        if (shown) {
            events.publishEvent(new PostShown(postId));
        }
        return shown;
    }

    private org.jooq.SelectJoinStep<? extends Record> select() {
        return db.select(POSTS.ID, TOPICS.COMMUNITY_ID, POSTS.TOPIC_ID, POSTS.POSITION, TOPICS.TITLE, POSTS.AUTHOR_ID, POSTS.ANONYMOUS,
                        POSTS.OPENING, POSTS.DELETED_AT, POSTS.HIDDEN_WHY, POSTS.HIDDEN_EDITED_AT, POSTS.BODY_HTML, POSTS.CONTENT_WARNING,
                        POSTS.CREATED_AT)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID));
    }

    private static Post post(Record r) {
        return new Post(r.get(POSTS.ID), r.get(TOPICS.COMMUNITY_ID), Conversations.location(r.get(POSTS.TOPIC_ID), r.get(POSTS.POSITION), r.get(POSTS.ID)),
                r.get(TOPICS.TITLE), r.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)), Boolean.TRUE.equals(r.get(POSTS.OPENING)),
                r.get(POSTS.DELETED_AT) != null, Hidden.of(r.get(POSTS.HIDDEN_WHY)), r.get(POSTS.HIDDEN_EDITED_AT), r.get(POSTS.BODY_HTML),
                r.get(POSTS.CONTENT_WARNING), r.get(POSTS.CREATED_AT));
    }
}
