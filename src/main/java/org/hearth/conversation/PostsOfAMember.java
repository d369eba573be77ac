package org.hearth.conversation;

import static org.hearth.conversation.Conversations.DELETED_TITLE;
import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.REACTIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.hearth.conversation.schema.Tables.TOPIC_READS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.max;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * What a member wrote and did in conversations: their posts (anonymous ones too) with earlier
 * versions, the reactions they gave, their read markers. When they delete their account
 * everything they wrote is erased as if they had deleted each post themselves: text, earlier
 * versions, reactions to it. A marker stays in place of each post so replies by others still
 * make sense. Erased first: nothing else points at these rows.
 */
@Component
@Order(100)
class PostsOfAMember implements MemberData {

    private final DSLContext db;
    private final CommunityNames communities;
    private final Clock clock;

    PostsOfAMember(DSLContext db, CommunityNames communities, Clock clock) {
        this.db = db;
        this.communities = communities;
        this.clock = clock;
    }

    @Override
    public String section() {
        return "conversations";
    }

    /** Topics are claimed for their titles: the title of a topic is its opening post's author's. */
    @Override
    public List<Table<?>> tables() {
        return List.of(TOPICS, POSTS, POST_REVISIONS, REACTIONS, TOPIC_READS);
    }

    /** The conversations section of a member's download. */
    record Section(List<Post> posts, List<Reaction> reactionsGiven, ReadMarkers readMarkers) {
    }

    /**
     * One post. The body is the Markdown the member wrote, null once they deleted it.
     * Reactions received are counted by kind, never named: who reacted is theirs to know.
     * {@code hidden} says why the post is hidden from members (null when it is not); who
     * flagged it is not theirs to know.
     */
    record Post(String id, Named community, Topic topic, boolean opensTopic, boolean anonymous, String contentWarning,
            String body, Instant createdAt, Instant editedAt, Instant deletedAt, List<EarlierVersion> earlierVersions,
            Map<String, Integer> reactionsReceived, String hidden) {
    }

    record Topic(String id, String title, String kind) {
    }

    /** A version replaced by an edit; the title only for a topic's opening post. */
    record EarlierVersion(String title, String body, String contentWarning, Instant writtenAt, Instant replacedAt) {
    }

    /** A reaction the member gave; whose post it was is left out (it may have been anonymous). */
    record Reaction(String kind, String postId, Named community, Topic topic) {
    }

    /** Read markers are many and say little: how many topics, and the latest. */
    record ReadMarkers(int topics, Instant lastReadAt) {
    }

    @Override
    public Object export(String memberId) {
        var theirPosts = select(POSTS.ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId));
        Map<String, List<EarlierVersion>> versions = db.select(POST_REVISIONS.POST_ID, POST_REVISIONS.TITLE, POST_REVISIONS.BODY_SOURCE,
                        POST_REVISIONS.CONTENT_WARNING, POST_REVISIONS.WRITTEN_AT, POST_REVISIONS.REPLACED_AT)
                .from(POST_REVISIONS).where(POST_REVISIONS.POST_ID.in(theirPosts)).orderBy(POST_REVISIONS.REPLACED_AT, POST_REVISIONS.ID)
                .fetchGroups(POST_REVISIONS.POST_ID, r -> new EarlierVersion(r.value2(), r.value3(), r.value4(), at(r.value5()), at(r.value6())));
        Map<String, Map<String, Integer>> received = new LinkedHashMap<>();
        db.select(REACTIONS.POST_ID, REACTIONS.KIND, count()).from(REACTIONS).where(REACTIONS.POST_ID.in(theirPosts))
                .groupBy(REACTIONS.POST_ID, REACTIONS.KIND).orderBy(REACTIONS.KIND)
                .forEach(r -> received.computeIfAbsent(r.value1(), k -> new LinkedHashMap<>()).put(lower(r.value2()), r.value3()));

        var posts = db.select(POSTS.ID, TOPICS.COMMUNITY_ID, TOPICS.ID, TOPICS.TITLE, TOPICS.KIND, POSTS.OPENING, POSTS.ANONYMOUS,
                        POSTS.CONTENT_WARNING, POSTS.BODY_SOURCE, POSTS.CREATED_AT, POSTS.EDITED_AT, POSTS.DELETED_AT, POSTS.HIDDEN_WHY)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.AUTHOR_ID.eq(memberId)).orderBy(POSTS.CREATED_AT, POSTS.ID).fetch();
        var reactions = db.select(REACTIONS.KIND, REACTIONS.POST_ID, TOPICS.COMMUNITY_ID, TOPICS.ID, TOPICS.TITLE, TOPICS.KIND)
                .from(REACTIONS).join(POSTS).on(POSTS.ID.eq(REACTIONS.POST_ID)).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(REACTIONS.MEMBER_ID.eq(memberId)).orderBy(TOPICS.ID, POSTS.POSITION, REACTIONS.KIND).fetch();
        Set<String> communityIds = new HashSet<>(posts.getValues(TOPICS.COMMUNITY_ID));
        communityIds.addAll(reactions.getValues(TOPICS.COMMUNITY_ID));
        Map<String, Named> named = communities.byId(communityIds);

        var read = db.select(count(), max(TOPIC_READS.READ_AT)).from(TOPIC_READS).where(TOPIC_READS.MEMBER_ID.eq(memberId)).fetchOne();
        return new Section(
                posts.map(r -> new Post(r.get(POSTS.ID), named.get(r.get(TOPICS.COMMUNITY_ID)),
                        new Topic(r.get(TOPICS.ID), r.get(TOPICS.TITLE), lower(r.get(TOPICS.KIND))),
                        Boolean.TRUE.equals(r.get(POSTS.OPENING)), Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)),
                        r.get(POSTS.CONTENT_WARNING), r.get(POSTS.DELETED_AT) == null ? r.get(POSTS.BODY_SOURCE) : null,
                        at(r.get(POSTS.CREATED_AT)), at(r.get(POSTS.EDITED_AT)), at(r.get(POSTS.DELETED_AT)),
                        versions.getOrDefault(r.get(POSTS.ID), List.of()), received.getOrDefault(r.get(POSTS.ID), Map.of()),
                        r.get(POSTS.HIDDEN_WHY) == null ? null : Hidden.valueOf(r.get(POSTS.HIDDEN_WHY)).why())),
                reactions.map(r -> new Reaction(lower(r.get(REACTIONS.KIND)), r.get(REACTIONS.POST_ID), named.get(r.get(TOPICS.COMMUNITY_ID)),
                        new Topic(r.get(TOPICS.ID), r.get(TOPICS.TITLE), lower(r.get(TOPICS.KIND))))),
                new ReadMarkers(read.value1(), at(read.value2())));
    }

    @Override
    public void erase(String memberId) {
        var theirPosts = select(POSTS.ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId));
        db.deleteFrom(POST_REVISIONS).where(POST_REVISIONS.POST_ID.in(theirPosts)).execute();
        db.deleteFrom(REACTIONS).where(REACTIONS.POST_ID.in(theirPosts).or(REACTIONS.MEMBER_ID.eq(memberId))).execute();
        db.update(TOPICS).set(TOPICS.TITLE, DELETED_TITLE)
                .where(TOPICS.ID.in(select(POSTS.TOPIC_ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId), POSTS.OPENING.isTrue())))
                .execute();
        db.update(POSTS).set(POSTS.BODY_SOURCE, "").set(POSTS.BODY_HTML, "").set(POSTS.CONTENT_WARNING, (String) null)
                .set(POSTS.DELETED_AT, clock.millis())
                .where(POSTS.AUTHOR_ID.eq(memberId), POSTS.DELETED_AT.isNull()).execute();
        db.deleteFrom(TOPIC_READS).where(TOPIC_READS.MEMBER_ID.eq(memberId)).execute();
    }

    private static Instant at(Long epochMillis) {
        return epochMillis == null ? null : Instant.ofEpochMilli(epochMillis);
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
