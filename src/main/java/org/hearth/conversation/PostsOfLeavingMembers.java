package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.REACTIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.hearth.conversation.schema.Tables.TOPIC_READS;
import static org.hearth.conversation.Conversations.DELETED_TITLE;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import org.hearth.identity.MemberLeaving;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When a member deletes their account, everything they wrote is erased as if they had deleted
 * each post themselves: text, earlier versions, reactions to it. Their reactions and read
 * markers go too. Markers stay in place of the posts so replies by others still make sense.
 */
@Component
class PostsOfLeavingMembers {

    private final DSLContext db;
    private final Clock clock;

    PostsOfLeavingMembers(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @EventListener
    void erase(MemberLeaving leaving) {
        String member = leaving.memberId();
        var theirPosts = select(POSTS.ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(member));
        db.deleteFrom(POST_REVISIONS).where(POST_REVISIONS.POST_ID.in(theirPosts)).execute();
        db.deleteFrom(REACTIONS).where(REACTIONS.POST_ID.in(theirPosts).or(REACTIONS.MEMBER_ID.eq(member))).execute();
        db.update(TOPICS).set(TOPICS.TITLE, DELETED_TITLE)
                .where(TOPICS.ID.in(select(POSTS.TOPIC_ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(member), POSTS.OPENING.isTrue())))
                .execute();
        db.update(POSTS).set(POSTS.BODY_SOURCE, "").set(POSTS.BODY_HTML, "").set(POSTS.CONTENT_WARNING, (String) null)
                .set(POSTS.DELETED_AT, clock.millis())
                .where(POSTS.AUTHOR_ID.eq(member), POSTS.DELETED_AT.isNull()).execute();
        db.deleteFrom(TOPIC_READS).where(TOPIC_READS.MEMBER_ID.eq(member)).execute();
    }
}
