package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.hearth.conversation.schema.Tables.TOPIC_READS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.noCondition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.hearth.community.Access;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.beans.factory.ObjectProvider;
import org.hearth.platform.db.Placeholders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Reading topics, replies and reactions, and the steps the use cases of this package
 * ({@link StartTopic}, {@link ReplyToTopic}, {@link EditPost}, ...) share. Each method takes the
 * viewer's {@link Access} to the community and shows nothing that access does not allow; a topic
 * or post of another community is treated as absent.
 */
@Service
public class Conversations {

    public static final int TOPICS_PER_PAGE = 30;

    static final String DELETED_TITLE = "Topic removed by its author";

    private final DSLContext db;
    private final JdbcClient jdbc;
    private final Members members;
    private final ReadersChoices readersChoices;
    private final StaffAccess staffAccess;

    Conversations(DSLContext db, JdbcClient jdbc, Members members, ObjectProvider<ReadersChoices> readersChoices,
            StaffAccess staffAccess) {
        this.db = db;
        this.jdbc = jdbc;
        this.members = members;
        this.readersChoices = readersChoices.getIfUnique(() -> reader -> ReadersChoices.Choices.NONE);
        this.staffAccess = staffAccess;
    }

    // ---- reading ---------------------------------------------------------------------------

    /**
     * A page of the community's topics, most recently active first, with unread markers; the
     * topics the viewer muted are left out (they stay reachable by their links).
     */
    public List<TopicSummary> topics(Access access, Viewer viewer, int page) {
        if (!access.canRead()) {
            return List.of();
        }
        Set<String> muted = choices(viewer).mutedTopics();
        Field<Long> readAt = viewer == null ? field("null", Long.class).as("read_at")
                : field(org.jooq.impl.DSL.select(TOPIC_READS.READ_AT).from(TOPIC_READS)
                        .where(TOPIC_READS.TOPIC_ID.eq(TOPICS.ID), TOPIC_READS.MEMBER_ID.eq(viewer.memberId()))).as("read_at");
        var rows = db.select(TOPICS.ID, TOPICS.KIND, TOPICS.TITLE, TOPICS.REPLY_COUNT, TOPICS.LAST_ACTIVITY_AT, POSTS.AUTHOR_ID, POSTS.ANONYMOUS,
                        POSTS.HIDDEN_WHY, readAt)
                .from(TOPICS).join(POSTS).on(POSTS.TOPIC_ID.eq(TOPICS.ID), POSTS.OPENING.isTrue())
                .where(TOPICS.COMMUNITY_ID.eq(access.community().id()), listedTo(access, viewer),
                        muted.isEmpty() ? noCondition() : TOPICS.ID.notIn(muted))
                .orderBy(TOPICS.LAST_ACTIVITY_AT.desc(), TOPICS.ID)
                .limit(TOPICS_PER_PAGE).offset(Math.max(0, page - 1) * TOPICS_PER_PAGE)
                .fetch();
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(POSTS.AUTHOR_ID)));
        recordRevealed(access, viewer, rows, handles);
        return rows.map(r -> {
            Long read = r.get("read_at", Long.class);
            return new TopicSummary(r.get(TOPICS.ID), TopicKind.valueOf(r.get(TOPICS.KIND)), r.get(TOPICS.TITLE),
                    authorLabel(r.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)), handles, access, viewer),
                    r.get(TOPICS.REPLY_COUNT), r.get(TOPICS.LAST_ACTIVITY_AT),
                    viewer != null && (read == null || read < r.get(TOPICS.LAST_ACTIVITY_AT)), Hidden.of(r.get(POSTS.HIDDEN_WHY)));
        });
    }

    /**
     * What a member did in one community, for the trust they earn there: topics they opened to
     * read (or wrote in), replies they wrote that are not deleted, and what they posted since a
     * time, deleted or not, so that deleting does not make room under a daily limit.
     */
    public record Participation(int topicsEntered, int replies, int topicsStartedSince, int repliesSince) {
    }

    public Participation participation(String communityId, String memberId, long since) {
        int entered = db.selectCount().from(TOPIC_READS).join(TOPICS).on(TOPICS.ID.eq(TOPIC_READS.TOPIC_ID))
                .where(TOPIC_READS.MEMBER_ID.eq(memberId), TOPICS.COMMUNITY_ID.eq(communityId)).fetchOne(0, int.class);
        var written = db.select(
                        count().filterWhere(POSTS.OPENING.isFalse().and(POSTS.DELETED_AT.isNull())),
                        count().filterWhere(POSTS.OPENING.isTrue().and(POSTS.CREATED_AT.ge(since))),
                        count().filterWhere(POSTS.OPENING.isFalse().and(POSTS.CREATED_AT.ge(since))))
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.AUTHOR_ID.eq(memberId), TOPICS.COMMUNITY_ID.eq(communityId))
                .fetchOne();
        return new Participation(entered, written.value1(), written.value2(), written.value3());
    }

    /**
     * Topics whose opening post is hidden are listed only to its author and to moderators: for
     * everyone else the topic is not there until a moderator lets it back.
     */
    private static Condition listedTo(Access access, Viewer viewer) {
        if (access.canModerate()) {
            return noCondition();
        }
        Condition shown = POSTS.HIDDEN_AT.isNull();
        return viewer == null ? shown : shown.or(POSTS.AUTHOR_ID.eq(viewer.memberId()));
    }

    /** How many topics everyone may see listed (the pages of the topic list). */
    public int topicCount(Access access) {
        if (!access.canRead()) {
            return 0;
        }
        int all = db.fetchCount(TOPICS, TOPICS.COMMUNITY_ID.eq(access.community().id()));
        if (access.canModerate()) {
            return all;
        }
        // less those whose opening post is hidden, found through their own index (posts_hidden_openings):
        // looking at every topic's opening post took 50 to 80 ms a page at 200 000 posts
        // (as EXISTS, not a join: SQLite then starts from that index, not from the community's topics)
        return all - db.fetchCount(POSTS, POSTS.POSITION.eq(0), POSTS.HIDDEN_AT.isNotNull(), org.jooq.impl.DSL.exists(
                org.jooq.impl.DSL.selectOne().from(TOPICS).where(TOPICS.ID.eq(POSTS.TOPIC_ID), TOPICS.COMMUNITY_ID.eq(access.community().id()))));
    }

    /** The title shown for a topic whose opening post is hidden from the reader. */
    public static final String HIDDEN_TOPIC_TITLE = "A topic hidden while moderators review it";

    /**
     * One page of a topic. Marks what the signed-in viewer saw as read; posts newer than their
     * previous visit carry an unread marker on this showing. Not one transaction on purpose:
     * on SQLite a transaction takes the write lock, and reading must not queue behind writers.
     */
    public Optional<TopicPage> topic(Access access, String topicId, Viewer viewer, int page) {
        if (!mayLookFor(access, topicId)) {
            return Optional.empty();
        }
        // readableTopic, with what the page shows of the topic: SQL text over JDBC, as it runs on every topic page
        TopicRow topic = jdbc.sql("select t.kind, t.title, t.reply_count, t.locked_at, o.hidden_why, o.author_id,"
                        + " (select r.read_at from topic_reads r where r.member_id = ? and r.topic_id = t.id) as last_read"
                        + " from topics t left join posts o on o.topic_id = t.id and o.opening = true"
                        + " where t.id = ? and t.community_id = ?")
                .params(viewer == null ? "" : viewer.memberId(), topicId, access.community().id())
                .query((rs, row) -> {
                    long read = rs.getLong("last_read");
                    Long lastRead = rs.wasNull() ? null : read;
                    rs.getLong("locked_at");
                    boolean locked = !rs.wasNull();
                    return new TopicRow(rs.getString("kind"), rs.getString("title"), rs.getInt("reply_count"), locked,
                            rs.getString("hidden_why"), rs.getString("author_id"), lastRead);
                }).optional().orElse(null);
        if (topic == null) {
            return Optional.empty();
        }
        int replies = topic.replyCount();
        int pageCount = Math.max(1, (replies + TopicPage.POSTS_PER_PAGE) / TopicPage.POSTS_PER_PAGE);
        int shown = Math.min(Math.max(1, page), pageCount);
        // SQL text read into jOOQ's records of SHOWN_POST: no rendering of the DSL, no reading of
        // the result's metadata, on every topic page (see Placeholders)
        var rows = db.resultQuery(PAGE_OF_POSTS, topicId, TopicPage.POSTS_PER_PAGE, (shown - 1) * TopicPage.POSTS_PER_PAGE)
                .coerce(SHOWN_POST).fetch();
        Map<String, String> handles = members.handles(namedAuthors(rows, access));
        recordRevealed(access, viewer, rows, handles);
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        Map<String, Set<ReactionKind>> mine = new HashMap<>();
        reactions(rows.getValues(POSTS.ID), viewer, counts, mine);
        ReadersChoices.Choices choices = choices(viewer);
        Long readAt = topic.lastRead();
        List<PostView> posts = new ArrayList<>(rows.size());
        long newest = 0;
        for (var r : rows) {
            PostView post = postView(r, access, viewer, readAt, handles, counts, mine, choices.blockedAuthors());
            newest = Math.max(newest, post.createdAt());
            posts.add(post);
        }
        if (viewer != null && newest > 0 && (readAt == null || readAt < newest)) {
            markRead(viewer.memberId(), topicId, newest); // only when something new was read: no write per visit
        }
        // A topic whose opening post is hidden stays reachable (its replies are others' words), but
        // its title, which is the opening post's, is shown only to its author and to moderators.
        boolean titleConcealed = topic.openingHidden() != null && !access.canModerate()
                && (viewer == null || !viewer.memberId().equals(topic.openingAuthor()));
        return Optional.of(new TopicPage(topicId, TopicKind.valueOf(topic.kind()),
                titleConcealed ? HIDDEN_TOPIC_TITLE : topic.title(), replies, posts, shown, pageCount,
                choices.mutedTopics().contains(topicId), topic.locked()));
    }

    /** What the topic page reads of its topic and opening post, and when the reader last read it. */
    private record TopicRow(String kind, String title, int replyCount, boolean locked, String openingHidden, String openingAuthor,
            Long lastRead) {
    }

    /**
     * The position of the topic's latest post, if the viewer may read the topic: the same check
     * as the topic page, for whatever follows the topic live.
     */
    public OptionalInt latestPosition(Access access, String topicId) {
        var topic = readableTopic(access, topicId, TOPICS.REPLY_COUNT);
        return topic == null ? OptionalInt.empty() : OptionalInt.of(topic.get(TOPICS.REPLY_COUNT));
    }

    /**
     * The newest posts after a position (at most {@code limit}, oldest first), as every reader of
     * the topic sees them: no viewer's own marks, and anonymous authors hidden from everyone,
     * moderators included. One rendering of these serves all of the topic's live readers; the
     * access given is that of one of them, so the topic must be readable by it.
     */
    public List<PostView> postsForEveryone(Access access, String topicId, int after, int limit) {
        if (readableTopic(access, topicId, TOPICS.ID) == null) {
            return List.of();
        }
        var rows = db.select(SHOWN_POST)
                .from(POSTS).where(POSTS.TOPIC_ID.eq(topicId), POSTS.POSITION.gt(after))
                .orderBy(POSTS.POSITION.desc()).limit(limit)
                .fetch();
        Access everyone = access.asEveryReader();
        Map<String, String> handles = members.handles(namedAuthors(rows, everyone));
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        reactions(rows.getValues(POSTS.ID), null, counts, new HashMap<>());
        return rows.reversed().stream().map(r -> postView(r, everyone, null, null, handles, counts, Map.of(), Set.of())).toList();
    }

    /**
     * How some posts of a topic stand, for a feature that lists them its own way (a decision's
     * experiences, by option): whether members see them (not deleted, not hidden), how many
     * found them helpful, and when they were written. Posts not of this topic, or of a topic the
     * reader may not read, are left out. One query.
     */
    public record Standing(String postId, boolean shownToMembers, int helpful, long createdAt) {
    }

    public Map<String, Standing> standings(Access access, String topicId, Collection<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (valid.isEmpty() || !mayLookFor(access, topicId)) {
            return Map.of();
        }
        List<Object> binds = new ArrayList<>(valid.size() + 3);
        binds.add(ReactionKind.HELPFUL.name());
        binds.add(topicId);
        binds.add(access.community().id());
        binds.addAll(valid);
        Map<String, Standing> found = new HashMap<>();
        // the topic checked by the join: one of this community's
        jdbc.sql("select p.id, p.deleted_at is null and p.hidden_why is null,"
                        + " (select count(*) from reactions r where r.post_id = p.id and r.kind = ?), p.created_at"
                        + " from posts p join topics t on t.id = p.topic_id where p.topic_id = ? and t.community_id = ?"
                        + " and p.id in (" + Placeholders.of(valid.size()) + ")")
                .params(binds)
                .query(rs -> {
                    found.put(rs.getString(1), new Standing(rs.getString(1), rs.getBoolean(2), rs.getInt(3), rs.getLong(4)));
                });
        return found;
    }

    /**
     * Some posts of a topic, in the order asked, exactly as the topic page shows them to this
     * reader (who is named, what folds, what is hidden from them; moderators' sight of anonymous
     * authors is recorded as on the page). Posts not of this topic are left out.
     */
    public List<PostView> posts(Access access, String topicId, Viewer viewer, List<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (valid.isEmpty() || !mayLookFor(access, topicId)) {
            return List.of();
        }
        var rows = db.select(SHOWN_POST).from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.TOPIC_ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(access.community().id()), POSTS.ID.in(valid)).fetch();
        Map<String, String> handles = members.handles(namedAuthors(rows, access));
        recordRevealed(access, viewer, rows, handles);
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        Map<String, Set<ReactionKind>> mine = new HashMap<>();
        reactions(rows.getValues(POSTS.ID), viewer, counts, mine);
        Set<String> blocked = choices(viewer).blockedAuthors();
        Map<String, PostView> byId = new HashMap<>();
        for (var r : rows) {
            byId.put(r.get(POSTS.ID), postView(r, access, viewer, null, handles, counts, mine, blocked));
        }
        return valid.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * Earlier versions of a post, for moderators of its community only. Written in the author's
     * record of what staff saw about them before anything is shown (unless the moderator reads
     * their own post).
     */
    public Optional<List<Revision>> revisions(Access access, Viewer viewer, String postId) {
        Optional<Record> post = access.canModerate() ? postInCommunity(access, postId) : Optional.empty();
        if (post.isEmpty()) {
            return Optional.empty();
        }
        String author = post.get().get(POSTS.AUTHOR_ID);
        if (viewer == null || !author.equals(viewer.memberId())) {
            staffAccess.record(author, access.staffRole(), where(access), StaffAccess.Seen.READ_EARLIER_VERSIONS);
        }
        return Optional.of(db.select(POST_REVISIONS.TITLE, POST_REVISIONS.BODY_SOURCE, POST_REVISIONS.CONTENT_WARNING, POST_REVISIONS.WRITTEN_AT, POST_REVISIONS.REPLACED_AT).from(POST_REVISIONS)
                .where(POST_REVISIONS.POST_ID.eq(postId)).orderBy(POST_REVISIONS.REPLACED_AT.desc())
                .fetch(r -> new Revision(r.get(POST_REVISIONS.TITLE), r.get(POST_REVISIONS.BODY_SOURCE), r.get(POST_REVISIONS.CONTENT_WARNING), r.get(POST_REVISIONS.WRITTEN_AT), r.get(POST_REVISIONS.REPLACED_AT))));
    }

    /**
     * A member's own post, to fill the edit form or to confirm its deletion; empty if it is not
     * theirs, not in this community or deleted. Found also after they left the community, as
     * {@link EditPost} and {@link DeletePost} allow: nothing of anyone else's comes with it.
     */
    public Optional<Draft> ownDraft(Access access, Viewer viewer, String postId) {
        if (viewer == null) {
            return Optional.empty();
        }
        return ownPostInCommunity(access, postId, viewer.memberId())
                .filter(p -> p.get(POSTS.DELETED_AT) == null)
                .map(p -> new Draft(TopicKind.valueOf(p.get(TOPICS.KIND)),
                        Boolean.TRUE.equals(p.get(POSTS.OPENING)) ? p.get(TOPICS.TITLE) : null,
                        p.get(POSTS.BODY_SOURCE), p.get(POSTS.CONTENT_WARNING), Boolean.TRUE.equals(p.get(POSTS.ANONYMOUS))));
    }

    /** The communities a member wrote posts in that are still there (not deleted), to ask who may see which. */
    public Set<String> communitiesWrittenIn(Viewer viewer) {
        return new HashSet<>(db.selectDistinct(TOPICS.COMMUNITY_ID).from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.AUTHOR_ID.eq(viewer.memberId()), POSTS.DELETED_AT.isNull())
                .fetch(TOPICS.COMMUNITY_ID));
    }

    /** The communities these topics are in: ids only, to ask who may read which. */
    public Set<String> communitiesOfTopics(Collection<String> topicIds) {
        List<String> valid = topicIds.stream().filter(RandomId::looksValid).toList();
        return valid.isEmpty() ? Set.of()
                : new HashSet<>(db.selectDistinct(TOPICS.COMMUNITY_ID).from(TOPICS).where(TOPICS.ID.in(valid)).fetch(TOPICS.COMMUNITY_ID));
    }

    /** A topic's title and where it is, for a member's own lists (their muted topics). */
    public record TopicLink(String topicId, Access access, String title) {
    }

    /**
     * Those of these topics the member may read, in the communities of these accesses, by id: a
     * topic in a community they may not read (any more) is left out, title and all.
     */
    public Map<String, TopicLink> readableTopics(List<Access> accesses, Collection<String> topicIds) {
        Map<String, Access> byCommunity = new HashMap<>();
        accesses.stream().filter(Access::canRead).forEach(a -> byCommunity.put(a.community().id(), a));
        List<String> valid = topicIds.stream().filter(RandomId::looksValid).toList();
        if (byCommunity.isEmpty() || valid.isEmpty()) {
            return Map.of();
        }
        Map<String, TopicLink> found = new HashMap<>();
        db.select(TOPICS.ID, TOPICS.COMMUNITY_ID, TOPICS.TITLE).from(TOPICS)
                .where(TOPICS.ID.in(valid), TOPICS.COMMUNITY_ID.in(byCommunity.keySet()))
                .forEach(r -> found.put(r.value1(), new TopicLink(r.value1(), byCommunity.get(r.value2()), r.value3())));
        return found;
    }

    /**
     * A member's own post, for their list of what they wrote. {@code topicTitle} is null where
     * the title is someone else's words they may no longer read (a reply in a members-only
     * community they left); {@code location} is null where they may not read the topic.
     */
    public record OwnPost(String id, Access access, String topicTitle, Location location, String body, long createdAt, Hidden hidden) {
    }

    /**
     * The member's posts that are not deleted, newest first, at most {@code limit}, in the
     * communities of these accesses (those the member may still see): nothing of anyone else's
     * except the titles of topics they may read.
     */
    public List<OwnPost> ownPosts(Viewer viewer, List<Access> accesses, int limit) {
        Map<String, Access> byCommunity = new HashMap<>();
        accesses.forEach(a -> byCommunity.put(a.community().id(), a));
        if (byCommunity.isEmpty()) {
            return List.of();
        }
        return db.select(POSTS.ID, POSTS.TOPIC_ID, POSTS.POSITION, POSTS.OPENING, POSTS.BODY_SOURCE, POSTS.CREATED_AT, POSTS.HIDDEN_WHY, TOPICS.TITLE, TOPICS.COMMUNITY_ID)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.AUTHOR_ID.eq(viewer.memberId()), POSTS.DELETED_AT.isNull(), TOPICS.COMMUNITY_ID.in(byCommunity.keySet()))
                .orderBy(POSTS.CREATED_AT.desc(), POSTS.ID).limit(limit)
                .fetch(r -> {
                    Access access = byCommunity.get(r.get(TOPICS.COMMUNITY_ID));
                    boolean readable = access.canRead();
                    boolean opening = Boolean.TRUE.equals(r.get(POSTS.OPENING));
                    return new OwnPost(r.get(POSTS.ID), access, readable || opening ? r.get(TOPICS.TITLE) : null,
                            readable ? location(r.get(POSTS.TOPIC_ID), r.get(POSTS.POSITION), r.get(POSTS.ID)) : null,
                            r.get(POSTS.BODY_SOURCE), r.get(POSTS.CREATED_AT), Hidden.of(r.get(POSTS.HIDDEN_WHY)));
                });
    }

    /** The topic a post belongs to and the page it is on, to send a reader back to it. */
    public Optional<Location> locate(Access access, String postId) {
        return postInCommunity(access, postId).map(Conversations::location);
    }

    /** Where each of these posts of the community is, if the viewer may read the community, in one query. */
    public Map<String, Location> locate(Access access, java.util.Collection<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (!access.canRead() || valid.isEmpty()) {
            return Map.of();
        }
        Map<String, Location> found = new HashMap<>();
        db.select(POSTS.ID, POSTS.TOPIC_ID, POSTS.POSITION).from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.ID.in(valid), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .forEach(r -> found.put(r.value1(), location(r.value2(), r.value3(), r.value1())));
        return found;
    }

    /**
     * Who wrote a post the reader may read, even an anonymous one, with where it is: for a
     * feature that routes something about the author to the community's moderators (a member's
     * concern for them). Never show the author to a reader who may not know who wrote it
     * ({@link PostView#authorId()} says who may).
     */
    public Optional<WrittenBy> writtenBy(Access access, String postId) {
        return postInCommunity(access, postId).map(p -> new WrittenBy(p.get(POSTS.AUTHOR_ID),
                Boolean.TRUE.equals(p.get(POSTS.ANONYMOUS)), p.get(POSTS.DELETED_AT) != null, location(p)));
    }

    /** A post's author and place; see {@link #writtenBy}. */
    public record WrittenBy(String authorId, boolean anonymous, boolean deleted, Location location) {
    }

    /**
     * A post as it is now, for telling members about it: where it is, who wrote it (even an
     * anonymous post: only to leave out members who blocked its writer, never to show), and
     * whether members see it: neither hidden (held for review, taken down) nor deleted.
     */
    public record PostNow(String postId, String communityId, Location location, String authorId,
            boolean anonymous, boolean hidden, boolean deleted) {

        public boolean shown() {
            return !hidden && !deleted;
        }
    }

    /** These posts as they are now, by id, in one query; ids of no post are left out. */
    public Map<String, PostNow> postsNow(Collection<String> postIds) {
        List<String> valid = postIds.stream().filter(RandomId::looksValid).distinct().toList();
        if (valid.isEmpty()) {
            return Map.of();
        }
        Map<String, PostNow> found = new HashMap<>();
        db.select(POSTS.ID, POSTS.TOPIC_ID, POSTS.POSITION, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.HIDDEN_WHY,
                        POSTS.DELETED_AT, TOPICS.COMMUNITY_ID)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID)).where(POSTS.ID.in(valid))
                .forEach(r -> found.put(r.get(POSTS.ID), new PostNow(r.get(POSTS.ID), r.get(TOPICS.COMMUNITY_ID),
                        location(r.get(POSTS.TOPIC_ID), r.get(POSTS.POSITION), r.get(POSTS.ID)), r.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)),
                        r.get(POSTS.HIDDEN_WHY) != null, r.get(POSTS.DELETED_AT) != null)));
        return found;
    }

    /** The topics this member opened, whatever became of them: for what another feature keeps with a topic, when it exports or erases the member's data. */
    public List<String> topicsOpenedBy(String memberId) {
        return db.select(POSTS.TOPIC_ID).from(POSTS).where(POSTS.AUTHOR_ID.eq(memberId), POSTS.OPENING.isTrue()).orderBy(POSTS.CREATED_AT)
                .fetch(POSTS.TOPIC_ID);
    }

    /** The opening post of a topic the reader may read. */
    public Optional<String> openingPostId(Access access, String topicId) {
        return opening(access, topicId).map(Opening::postId);
    }

    /**
     * A topic the reader may read, with its opening post's author, for a feature that decides
     * who may add to the topic (its author, say). Never show the author to a reader who may
     * not know who wrote an anonymous post.
     *
     * @param deleted its author deleted the opening post
     * @param hidden why the opening post is hidden from members, or null
     */
    public record Opening(String topicId, TopicKind kind, String postId, String authorId, boolean deleted, Hidden hidden,
            boolean locked) {
    }

    /** The topic and its opening post, if the reader may read the topic; see {@link Opening}. */
    public Optional<Opening> opening(Access access, String topicId) {
        if (!mayLookFor(access, topicId)) {
            return Optional.empty();
        }
        return db.select(POSTS.ID, POSTS.AUTHOR_ID, POSTS.DELETED_AT, POSTS.HIDDEN_WHY, TOPICS.KIND, TOPICS.LOCKED_AT)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.TOPIC_ID.eq(topicId), POSTS.OPENING.isTrue(), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .fetchOptional(r -> new Opening(topicId, TopicKind.valueOf(r.get(TOPICS.KIND)), r.get(POSTS.ID), r.get(POSTS.AUTHOR_ID),
                        r.get(POSTS.DELETED_AT) != null, Hidden.of(r.get(POSTS.HIDDEN_WHY)), r.get(TOPICS.LOCKED_AT) != null));
    }

    /** Where the post found by {@link #postInCommunity} is. */
    static Location location(Record post) {
        return location(post.get(POSTS.TOPIC_ID), post.get(POSTS.POSITION), post.get(POSTS.ID));
    }

    static Location location(String topicId, int position, String postId) {
        return new Location(topicId, position / TopicPage.POSTS_PER_PAGE + 1, postId);
    }

    /** Where a post is: its topic, the page of that topic, and the post's own anchor. */
    public record Location(String topicId, int page, String postId) {
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A post just saved: its id, and whether it is anonymous (only where the community allows it). */
    record SavedPost(String id, boolean anonymous) {
    }

    /** Saves a post the use cases of this package checked, and marks its topic read for its author. */
    SavedPost insertPost(Access access, String topicId, int position, Viewer viewer, Draft draft, String html, long now) {
        String postId = RandomId.next();
        boolean anonymous = draft.anonymous() && access.community().allowAnonymous();
        db.insertInto(POSTS).set(POSTS.ID, postId).set(POSTS.TOPIC_ID, topicId).set(POSTS.AUTHOR_ID, viewer.memberId())
                .set(POSTS.ANONYMOUS, anonymous)
                .set(POSTS.OPENING, position == 0).set(POSTS.POSITION, position).set(POSTS.BODY_SOURCE, draft.body()).set(POSTS.BODY_HTML, html)
                .set(POSTS.CONTENT_WARNING, blankToNull(draft.contentWarning())).set(POSTS.CREATED_AT, now).execute();
        markRead(viewer.memberId(), topicId, now);
        return new SavedPost(postId, anonymous);
    }

    private void markRead(String memberId, String topicId, long at) {
        db.insertInto(TOPIC_READS).set(TOPIC_READS.MEMBER_ID, memberId).set(TOPIC_READS.TOPIC_ID, topicId).set(TOPIC_READS.READ_AT, at)
                .onConflict(TOPIC_READS.MEMBER_ID, TOPIC_READS.TOPIC_ID).doUpdate()
                .set(TOPIC_READS.READ_AT, greatest(TOPIC_READS.READ_AT, org.jooq.impl.DSL.val(at)))
                .execute();
    }

    /** The topic's row if the viewer may read it: readable community, well-formed id, topic of that community. */
    private Record readableTopic(Access access, String topicId, Field<?>... fields) {
        if (!mayLookFor(access, topicId)) {
            return null;
        }
        return db.select(fields).from(TOPICS)
                .where(TOPICS.ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(access.community().id())).fetchOne();
    }

    /** Whether a topic may be looked for at all: a community the viewer may read, an id that could be one. */
    private static boolean mayLookFor(Access access, String topicId) {
        return access.canRead() && RandomId.looksValid(topicId);
    }

    /** A post of this community, if the viewer may read the community: the one lookup every post action starts from. */
    Optional<Record> postInCommunity(Access access, String postId) {
        return access.canRead() ? post(access, postId, noCondition()) : Optional.empty();
    }

    /**
     * The member's own post in this community, even when they may no longer read it (they left
     * a members-only community): what a member wrote stays theirs to delete.
     */
    Optional<Record> ownPostInCommunity(Access access, String postId, String authorId) {
        return post(access, postId, POSTS.AUTHOR_ID.eq(authorId));
    }

    private Optional<Record> post(Access access, String postId, Condition condition) {
        if (!RandomId.looksValid(postId)) {
            return Optional.empty();
        }
        return db.select(POSTS.ID, POSTS.TOPIC_ID, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.OPENING, POSTS.POSITION, POSTS.BODY_SOURCE, POSTS.CONTENT_WARNING, POSTS.CREATED_AT, POSTS.EDITED_AT,
                        POSTS.DELETED_AT, POSTS.HIDDEN_WHY, POSTS.HIDDEN_EDITED_AT, POSTS.BODY_HTML, TOPICS.TITLE, TOPICS.KIND)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.ID.eq(postId), TOPICS.COMMUNITY_ID.eq(access.community().id()), condition)
                .fetchOptional().map(r -> (Record) r);
    }

    /** The columns {@link #postView} reads. */
    private static final Field<?>[] SHOWN_POST =
            {POSTS.ID, POSTS.POSITION, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.OPENING, POSTS.BODY_HTML, POSTS.CONTENT_WARNING, POSTS.CREATED_AT, POSTS.EDITED_AT, POSTS.DELETED_AT,
             POSTS.HIDDEN_WHY};

    /** A page of a topic's posts, {@link #SHOWN_POST}'s columns in its order. Binds: the topic, how many, how many to skip. */
    private static final String PAGE_OF_POSTS = "select "
            + java.util.Arrays.stream(SHOWN_POST).map(Field::getName).collect(java.util.stream.Collectors.joining(", "))
            + " from posts where topic_id = ? order by position limit ? offset ?";

    /**
     * The one mapping from a post's row to what this reader sees of it: the topic page and the
     * live rendering for everyone both use it, so they cannot drift apart on who is named.
     * {@code readAt} is when the viewer last read the topic (null: nothing is marked unread).
     */
    private static PostView postView(Record r, Access access, Viewer viewer, Long readAt, Map<String, String> handles,
            Map<String, Map<ReactionKind, Integer>> counts, Map<String, Set<ReactionKind>> mine, Set<String> blocked) {
        String id = r.get(POSTS.ID);
        String author = r.get(POSTS.AUTHOR_ID);
        boolean anonymous = Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS));
        long created = r.get(POSTS.CREATED_AT);
        boolean own = viewer != null && viewer.memberId().equals(author);
        Hidden hidden = Hidden.of(r.get(POSTS.HIDDEN_WHY));
        if (hidden != null && !own && !access.canModerate()) {
            // its place stays, nothing else: not its text, its warning, its author or its reactions
            return new PostView(id, r.get(POSTS.POSITION), null, "", false, Boolean.TRUE.equals(r.get(POSTS.OPENING)), "", null, created,
                    false, r.get(POSTS.DELETED_AT) != null, false, false, Map.of(), Set.of(), false, hidden, true);
        }
        // no link for an anonymous author, nor for a deleted account (absent from handles): nothing ties its posts together
        return new PostView(id, r.get(POSTS.POSITION),
                (anonymous && !access.canModerate()) || !handles.containsKey(author) ? null : author,
                authorLabel(author, anonymous, handles, access, viewer),
                anonymous, Boolean.TRUE.equals(r.get(POSTS.OPENING)), r.get(POSTS.BODY_HTML), r.get(POSTS.CONTENT_WARNING), created,
                r.get(POSTS.EDITED_AT) != null, r.get(POSTS.DELETED_AT) != null,
                own, readAt != null && created > readAt && !own,
                counts.getOrDefault(id, Map.of()), mine.getOrDefault(id, Set.of()),
                // never an anonymous post: folding it would tell the reader who wrote it
                !anonymous && !own && blocked.contains(author), hidden, false);
    }

    /** The signed-in reader's choices (whom they blocked, what they muted), asked once per page. */
    private ReadersChoices.Choices choices(Viewer viewer) {
        return viewer == null ? ReadersChoices.Choices.NONE : readersChoices.of(viewer.memberId());
    }

    /**
     * A moderator was shown who wrote these anonymous posts: one entry per post whose author they
     * saw (not their own, not a deleted account's), in the author's record, in one batch, before
     * the page is shown.
     */
    private void recordRevealed(Access access, Viewer viewer, List<? extends Record> rows, Map<String, String> handles) {
        if (!access.canModerate()) {
            return;
        }
        List<String> revealed = new ArrayList<>();
        for (Record r : rows) {
            String author = r.get(POSTS.AUTHOR_ID);
            if (Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)) && handles.containsKey(author)
                    && (viewer == null || !viewer.memberId().equals(author))) {
                revealed.add(author);
            }
        }
        staffAccess.record(revealed, access.staffRole(), where(access), StaffAccess.Seen.REVEALED_ANONYMOUS_AUTHOR);
    }


    private static StaffAccess.Where where(Access access) {
        return new StaffAccess.Where(access.community().id(), access.community().name());
    }

    /** Authors this reader may see named: the handle behind an anonymous post is not even loaded for anyone else. */
    private static Set<String> namedAuthors(List<? extends Record> rows, Access access) {
        boolean unmasked = access.canModerate();
        Set<String> authors = new HashSet<>();
        for (Record r : rows) {
            if (unmasked || !Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS))) {
                authors.add(r.get(POSTS.AUTHOR_ID));
            }
        }
        return authors;
    }

    /** Reaction counts per post and kind, and which of them are the viewer's own, in one query. */
    private void reactions(List<String> postIds, Viewer viewer, Map<String, Map<ReactionKind, Integer>> counts,
            Map<String, Set<ReactionKind>> mine) {
        if (postIds.isEmpty()) {
            return;
        }
        // on every topic page: SQL text over JDBC (see Placeholders); no member has an empty id
        List<Object> binds = new ArrayList<>(postIds.size() + 1);
        binds.add(viewer == null ? "" : viewer.memberId());
        binds.addAll(postIds);
        jdbc.sql("select post_id, kind, count(*), max(case when member_id = ? then 1 else 0 end) from reactions"
                + " where post_id in (" + Placeholders.of(postIds.size()) + ") group by post_id, kind").params(binds).query(rs -> {
                    String postId = rs.getString(1);
                    ReactionKind kind = ReactionKind.valueOf(rs.getString(2));
                    counts.computeIfAbsent(postId, k -> new EnumMap<>(ReactionKind.class)).put(kind, rs.getInt(3));
                    if (rs.getInt(4) == 1) {
                        mine.computeIfAbsent(postId, k -> EnumSet.noneOf(ReactionKind.class)).add(kind);
                    }
                });
    }

    /** How posts of a deleted account are signed: the same for all, so none can be told apart. */
    static final String FORMER_MEMBER = "a former member";

    /** Members see "anonymous member"; moderators see who it is; the author sees it is theirs. */
    private static String authorLabel(String authorId, boolean anonymous, Map<String, String> handles,
            Access access, Viewer viewer) {
        String handle = handles.getOrDefault(authorId, FORMER_MEMBER);
        if (!anonymous) {
            return handle;
        }
        if (viewer != null && viewer.memberId().equals(authorId)) {
            return "you, posting anonymously";
        }
        return access.canModerate() ? "anonymous member (" + handle + ")" : "anonymous member";
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
