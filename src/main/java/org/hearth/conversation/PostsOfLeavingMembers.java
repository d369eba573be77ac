package org.hearth.conversation;

import static org.hearth.conversation.Conversations.DELETED_TITLE;
import static org.hearth.conversation.Conversations.POSTS;
import static org.hearth.conversation.Conversations.P_AUTHOR;
import static org.hearth.conversation.Conversations.P_DELETED;
import static org.hearth.conversation.Conversations.P_HTML;
import static org.hearth.conversation.Conversations.P_ID;
import static org.hearth.conversation.Conversations.P_OPENING;
import static org.hearth.conversation.Conversations.P_SOURCE;
import static org.hearth.conversation.Conversations.P_TOPIC;
import static org.hearth.conversation.Conversations.P_WARNING;
import static org.hearth.conversation.Conversations.REACTIONS;
import static org.hearth.conversation.Conversations.READS;
import static org.hearth.conversation.Conversations.REVISIONS;
import static org.hearth.conversation.Conversations.R_MEMBER;
import static org.hearth.conversation.Conversations.TOPICS;
import static org.hearth.conversation.Conversations.T_ID;
import static org.hearth.conversation.Conversations.T_TITLE;
import static org.hearth.conversation.Conversations.V_POST;
import static org.hearth.conversation.Conversations.X_MEMBER;
import static org.hearth.conversation.Conversations.X_POST;
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
        var theirPosts = select(P_ID).from(POSTS).where(P_AUTHOR.eq(member));
        db.deleteFrom(REVISIONS).where(V_POST.in(theirPosts)).execute();
        db.deleteFrom(REACTIONS).where(X_POST.in(theirPosts).or(X_MEMBER.eq(member))).execute();
        db.update(TOPICS).set(T_TITLE, DELETED_TITLE)
                .where(T_ID.in(select(P_TOPIC).from(POSTS).where(P_AUTHOR.eq(member), P_OPENING.isTrue())))
                .execute();
        db.update(POSTS).set(P_SOURCE, "").set(P_HTML, "").set(P_WARNING, (String) null)
                .set(P_DELETED, clock.millis())
                .where(P_AUTHOR.eq(member), P_DELETED.isNull()).execute();
        db.deleteFrom(READS).where(R_MEMBER.eq(member)).execute();
    }
}
