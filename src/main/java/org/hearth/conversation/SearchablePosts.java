package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.TOPICS;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Posts as a search index needs them, read from the posts themselves: the index keeps a copy of
 * their words and, beside them, only what a search filters on. Conversation says what a post is
 * now; whoever indexes asks here inside the transaction that changed it, so the index never
 * holds what the posts no longer say.
 */
@Service
public class SearchablePosts {

    private final DSLContext db;
    private final JdbcClient jdbc;

    SearchablePosts(DSLContext db, JdbcClient jdbc) {
        this.db = db;
        this.jdbc = jdbc;
    }

    /**
     * A post as it is now. {@code authorId} is null for an anonymous post: an index must not be
     * able to find one by its writer. {@code title} is the topic's, on its opening post only;
     * {@code deleted}: its text is gone, and so must its copy be.
     */
    public record Searchable(String postId, String topicId, String communityId, TopicKind kind, int position, boolean opening,
            String title, String authorId, boolean hidden, boolean deleted, String contentWarning, long createdAt, String bodySource) {
    }

    /** These posts as they are now; ids of no post are left out. */
    public List<Searchable> of(Collection<String> postIds) {
        return postIds.isEmpty() ? List.of() : select(POSTS.ID.in(postIds)).fetch(SearchablePosts::searchable);
    }

    /** Every post of a topic (a topic moved or retitled changes them all). */
    public List<Searchable> inTopic(String topicId) {
        return select(POSTS.TOPIC_ID.eq(topicId)).fetch(SearchablePosts::searchable);
    }

    /**
     * The next posts in the order they were written, after the one written at {@code afterTime}
     * with id {@code afterId} (null for the first batch), locked against changes until the
     * transaction ends, so what is read is what the index keeps even while members write.
     */
    public List<Searchable> batchAfter(Long afterTime, String afterId, int size) {
        // a row comparison: PostgreSQL reads it as the index's range; written as "a > x or (a = x and b > y)" it
        // filtered the index from its first row for every batch: 1.7 s a batch by the millionth post
        Condition after = afterTime == null ? DSL.noCondition()
                : DSL.row(POSTS.CREATED_AT, POSTS.ID).gt(DSL.row(afterTime, afterId));
        var query = select(after).orderBy(POSTS.CREATED_AT, POSTS.ID).limit(size);
        return (db.dialect().family() == org.jooq.SQLDialect.POSTGRES ? query.forShare() : query).fetch(SearchablePosts::searchable);
    }

    /** The ids of posts this member wrote, anonymous ones too: for taking them out with their account. */
    public List<String> idsByAuthor(String memberId) {
        return db.select(POSTS.ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId)).fetch(POSTS.ID);
    }

    /**
     * A topic as a list of search results shows it. {@code title} is concealed ({@link
     * Conversations#HIDDEN_TOPIC_TITLE}) while the opening post is hidden, but from moderators
     * and the topic's author, as on the topic page.
     */
    public record Heading(String topicId, String communityId, TopicKind kind, String title, int replyCount) {
    }

    /**
     * The headings of these topics, each only if it is in one of the communities given and that
     * access may read it; one query for them all.
     */
    public Map<String, Heading> headings(Collection<String> topicIds, Map<String, Access> byCommunity, Viewer viewer) {
        if (topicIds.isEmpty()) {
            return Map.of();
        }
        // SQL text over JDBC, as it runs on every search: rendering the DSL cost more than the query.
        // By key only: a list of communities beside it made SQLite walk their topics.
        String in = String.join(",", java.util.Collections.nCopies(topicIds.size(), "?"));
        Map<String, Heading> headings = new java.util.HashMap<>();
        jdbc.sql("select t.id, t.community_id, t.kind, t.title, t.reply_count, o.hidden_why, o.author_id"
                        + " from topics t left join posts o on o.topic_id = t.id and o.opening = true where t.id in (" + in + ")")
                .params(List.copyOf(topicIds))
                .query(rs -> {
                    Access access = byCommunity.get(rs.getString("community_id"));
                    if (access == null || !access.canRead()) {
                        return;
                    }
                    String topicId = rs.getString("id");
                    boolean concealed = rs.getString("hidden_why") != null && !access.canModerate()
                            && (viewer == null || !viewer.memberId().equals(rs.getString("author_id")));
                    headings.put(topicId, new Heading(topicId, access.community().id(), TopicKind.valueOf(rs.getString("kind")),
                            concealed ? Conversations.HIDDEN_TOPIC_TITLE : rs.getString("title"), rs.getInt("reply_count")));
                });
        return headings;
    }

    /** Where a post is, from its topic and position. */
    public static Conversations.Location location(String topicId, int position, String postId) {
        return Conversations.location(topicId, position, postId);
    }

    private org.jooq.SelectConditionStep<? extends Record> select(Condition condition) {
        return db.select(POSTS.ID, POSTS.TOPIC_ID, TOPICS.COMMUNITY_ID, TOPICS.KIND, POSTS.POSITION, POSTS.OPENING, TOPICS.TITLE,
                        POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.HIDDEN_WHY, POSTS.DELETED_AT, POSTS.CONTENT_WARNING, POSTS.CREATED_AT,
                        POSTS.BODY_SOURCE)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID)).where(condition);
    }

    private static Searchable searchable(Record r) {
        boolean opening = Boolean.TRUE.equals(r.get(POSTS.OPENING));
        return new Searchable(r.get(POSTS.ID), r.get(POSTS.TOPIC_ID), r.get(TOPICS.COMMUNITY_ID), TopicKind.valueOf(r.get(TOPICS.KIND)),
                r.get(POSTS.POSITION), opening, opening ? r.get(TOPICS.TITLE) : "",
                Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)) ? null : r.get(POSTS.AUTHOR_ID), r.get(POSTS.HIDDEN_WHY) != null,
                r.get(POSTS.DELETED_AT) != null, r.get(POSTS.CONTENT_WARNING), r.get(POSTS.CREATED_AT), r.get(POSTS.BODY_SOURCE));
    }
}
