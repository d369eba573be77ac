package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.selectOne;

import org.hearth.community.WrittenInCommunity;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.springframework.stereotype.Component;

/** Tells the community feature whether anyone but a given member has written in a community. */
@Component
class PostsByOthers implements WrittenInCommunity {

    private final DSLContext db;

    PostsByOthers(DSLContext db) {
        this.db = db;
    }

    /**
     * A reply first updates its topic's row, so holding the community's topics locked keeps
     * replies out until the caller's transaction ends; a new topic waits for the community's row,
     * which the caller holds. SQLite needs neither: its transactions write one at a time.
     */
    @Override
    public boolean byAnyoneBut(String communityId, String memberId) {
        if (db.dialect().family() != SQLDialect.SQLITE) {
            db.select(TOPICS.ID).from(TOPICS).where(TOPICS.COMMUNITY_ID.eq(communityId)).forShare().fetch();
        }
        return db.fetchValue(exists(selectOne().from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(TOPICS.COMMUNITY_ID.eq(communityId), POSTS.AUTHOR_ID.ne(memberId), POSTS.DELETED_AT.isNull())));
    }
}
