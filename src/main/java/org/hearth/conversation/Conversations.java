package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.REACTIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.hearth.conversation.schema.Tables.TOPIC_READS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.name;

import java.time.Clock;
import java.util.ArrayList;
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
import org.hearth.platform.security.SecondFactorRules;
import org.hearth.platform.security.Viewer;
import org.hearth.platform.text.Markdown;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Topics, replies and reactions. Each method takes the viewer's {@link Access} to the community
 * and refuses (by returning empty or false) whatever that access does not allow; a topic or
 * post of another community is treated as absent.
 */
@Service
public class Conversations {

    public static final int POSTS_PER_PAGE = 25;
    public static final int TOPICS_PER_PAGE = 30;

    static final String DELETED_TITLE = "Topic removed by its author";

    private final DSLContext db;
    private final Members members;
    private final Markdown markdown;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;

    Conversations(DSLContext db, Members members, Markdown markdown, Clock clock, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager) {
        this.db = db;
        this.members = members;
        this.markdown = markdown;
        this.clock = clock;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    // ---- reading ---------------------------------------------------------------------------

    /** A page of the community's topics, most recently active first, with unread markers. */
    public List<TopicSummary> topics(Access access, Viewer viewer, int page) {
        if (!access.canRead()) {
            return List.of();
        }
        Field<Long> readAt = viewer == null ? field("null", Long.class).as("read_at")
                : field(org.jooq.impl.DSL.select(TOPIC_READS.READ_AT).from(TOPIC_READS)
                        .where(TOPIC_READS.TOPIC_ID.eq(TOPICS.ID), TOPIC_READS.MEMBER_ID.eq(viewer.memberId()))).as("read_at");
        var rows = db.select(TOPICS.ID, TOPICS.KIND, TOPICS.TITLE, TOPICS.REPLY_COUNT, TOPICS.LAST_ACTIVITY_AT, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, readAt)
                .from(TOPICS).join(POSTS).on(POSTS.TOPIC_ID.eq(TOPICS.ID), POSTS.OPENING.isTrue())
                .where(TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .orderBy(TOPICS.LAST_ACTIVITY_AT.desc(), TOPICS.ID)
                .limit(TOPICS_PER_PAGE).offset(Math.max(0, page - 1) * TOPICS_PER_PAGE)
                .fetch();
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(POSTS.AUTHOR_ID)));
        return rows.map(r -> {
            Long read = r.get("read_at", Long.class);
            return new TopicSummary(r.get(TOPICS.ID), TopicKind.valueOf(r.get(TOPICS.KIND)), r.get(TOPICS.TITLE),
                    authorLabel(r.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS)), handles, access, viewer),
                    r.get(TOPICS.REPLY_COUNT), r.get(TOPICS.LAST_ACTIVITY_AT),
                    viewer != null && (read == null || read < r.get(TOPICS.LAST_ACTIVITY_AT)));
        });
    }

    public int topicCount(Access access) {
        return access.canRead() ? db.fetchCount(TOPICS, TOPICS.COMMUNITY_ID.eq(access.community().id())) : 0;
    }

    /**
     * One page of a topic. Marks what the signed-in viewer saw as read; posts newer than their
     * previous visit carry an unread marker on this showing. Not one transaction on purpose:
     * on SQLite a transaction takes the write lock, and reading must not queue behind writers.
     */
    public Optional<TopicPage> topic(Access access, String topicId, Viewer viewer, int page) {
        Field<Long> lastRead = viewer == null ? org.jooq.impl.DSL.inline((Long) null, Long.class).as("last_read")
                : field(org.jooq.impl.DSL.select(TOPIC_READS.READ_AT).from(TOPIC_READS)
                        .where(TOPIC_READS.MEMBER_ID.eq(viewer.memberId()), TOPIC_READS.TOPIC_ID.eq(TOPICS.ID))).as("last_read");
        var topic = readableTopic(access, topicId, TOPICS.ID, TOPICS.KIND, TOPICS.TITLE, TOPICS.REPLY_COUNT, lastRead);
        if (topic == null) {
            return Optional.empty();
        }
        int replies = topic.get(TOPICS.REPLY_COUNT);
        int pageCount = Math.max(1, (replies + POSTS_PER_PAGE) / POSTS_PER_PAGE);
        int shown = Math.min(Math.max(1, page), pageCount);
        var rows = db.select(POSTS.ID, POSTS.POSITION, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.OPENING, POSTS.BODY_HTML, POSTS.CONTENT_WARNING, POSTS.CREATED_AT, POSTS.EDITED_AT, POSTS.DELETED_AT)
                .from(POSTS).where(POSTS.TOPIC_ID.eq(topicId))
                .orderBy(POSTS.POSITION)
                .limit(POSTS_PER_PAGE).offset((shown - 1) * POSTS_PER_PAGE)
                .fetch();
        List<String> postIds = rows.getValues(POSTS.ID);
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(POSTS.AUTHOR_ID)));
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        Map<String, Set<ReactionKind>> mine = new HashMap<>();
        reactions(postIds, viewer, counts, mine);
        Long readAt = topic.get(lastRead);
        List<PostView> posts = new ArrayList<>(rows.size());
        long newest = 0;
        for (var r : rows) {
            String author = r.get(POSTS.AUTHOR_ID);
            boolean anonymous = Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS));
            boolean moderatorView = seesAnonymousAuthors(access);
            long created = r.get(POSTS.CREATED_AT);
            newest = Math.max(newest, created);
            posts.add(new PostView(r.get(POSTS.ID), r.get(POSTS.POSITION),
                    anonymous && !moderatorView ? null : author,
                    authorLabel(author, anonymous, handles, access, viewer),
                    anonymous, Boolean.TRUE.equals(r.get(POSTS.OPENING)), r.get(POSTS.BODY_HTML), r.get(POSTS.CONTENT_WARNING), created,
                    r.get(POSTS.EDITED_AT) != null, r.get(POSTS.DELETED_AT) != null,
                    viewer != null && viewer.memberId().equals(author),
                    viewer != null && readAt != null && created > readAt && !viewer.memberId().equals(author),
                    counts.getOrDefault(r.get(POSTS.ID), Map.of()), mine.getOrDefault(r.get(POSTS.ID), Set.of())));
        }
        if (viewer != null && newest > 0 && (readAt == null || readAt < newest)) {
            markRead(viewer.memberId(), topicId, newest); // only when something new was read: no write per visit
        }
        return Optional.of(new TopicPage(topicId, TopicKind.valueOf(topic.get(TOPICS.KIND)), topic.get(TOPICS.TITLE),
                replies, posts, shown, pageCount));
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
        var rows = db.select(POSTS.ID, POSTS.POSITION, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.OPENING, POSTS.BODY_HTML, POSTS.CONTENT_WARNING, POSTS.CREATED_AT, POSTS.EDITED_AT, POSTS.DELETED_AT)
                .from(POSTS).where(POSTS.TOPIC_ID.eq(topicId), POSTS.POSITION.gt(after))
                .orderBy(POSTS.POSITION.desc()).limit(limit)
                .fetch();
        Set<String> authors = new HashSet<>();
        rows.forEach(r -> {
            if (!Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS))) {
                authors.add(r.get(POSTS.AUTHOR_ID));
            }
        });
        Map<String, String> handles = members.handles(authors);
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        reactions(rows.getValues(POSTS.ID), null, counts, new HashMap<>());
        List<PostView> posts = new ArrayList<>(rows.size());
        for (var r : rows.reversed()) {
            boolean anonymous = Boolean.TRUE.equals(r.get(POSTS.ANONYMOUS));
            String author = anonymous ? null : r.get(POSTS.AUTHOR_ID);
            posts.add(new PostView(r.get(POSTS.ID), r.get(POSTS.POSITION), author,
                    anonymous ? "anonymous member" : handles.getOrDefault(author, "former member"),
                    anonymous, Boolean.TRUE.equals(r.get(POSTS.OPENING)), r.get(POSTS.BODY_HTML), r.get(POSTS.CONTENT_WARNING), r.get(POSTS.CREATED_AT),
                    r.get(POSTS.EDITED_AT) != null, r.get(POSTS.DELETED_AT) != null, false, false,
                    counts.getOrDefault(r.get(POSTS.ID), Map.of()), Set.of()));
        }
        return posts;
    }

    /** Earlier versions of a post, for moderators of its community only. */
    public Optional<List<Revision>> revisions(Access access, String postId) {
        if (!seesAnonymousAuthors(access) || postInCommunity(access, postId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(db.select(POST_REVISIONS.TITLE, POST_REVISIONS.BODY_SOURCE, POST_REVISIONS.CONTENT_WARNING, POST_REVISIONS.WRITTEN_AT, POST_REVISIONS.REPLACED_AT).from(POST_REVISIONS)
                .where(POST_REVISIONS.POST_ID.eq(postId)).orderBy(POST_REVISIONS.REPLACED_AT.desc())
                .fetch(r -> new Revision(r.get(POST_REVISIONS.TITLE), r.get(POST_REVISIONS.BODY_SOURCE), r.get(POST_REVISIONS.CONTENT_WARNING), r.get(POST_REVISIONS.WRITTEN_AT), r.get(POST_REVISIONS.REPLACED_AT))));
    }

    /** A member's own post, to fill the edit form; empty if it is not theirs or not in this community. */
    public Optional<Draft> ownDraft(Access access, Viewer viewer, String postId) {
        return postInCommunity(access, postId)
                .filter(p -> viewer != null && viewer.memberId().equals(p.get(POSTS.AUTHOR_ID)) && p.get(POSTS.DELETED_AT) == null)
                .map(p -> new Draft(TopicKind.valueOf(p.get(TOPICS.KIND)),
                        Boolean.TRUE.equals(p.get(POSTS.OPENING)) ? p.get(TOPICS.TITLE) : null,
                        p.get(POSTS.BODY_SOURCE), p.get(POSTS.CONTENT_WARNING), Boolean.TRUE.equals(p.get(POSTS.ANONYMOUS))));
    }

    /** The topic a post belongs to and the page it is on, to send a reader back to it. */
    public Optional<Location> locate(Access access, String postId) {
        return postInCommunity(access, postId).map(p -> location(p.get(POSTS.TOPIC_ID), p.get(POSTS.POSITION), postId));
    }

    private static Location location(String topicId, int position, String postId) {
        return new Location(topicId, position / POSTS_PER_PAGE + 1, postId);
    }

    /** Where a post is: its topic, the page of that topic, and the post's own anchor. */
    public record Location(String topicId, int page, String postId) {
    }

    // ---- writing ---------------------------------------------------------------------------

    /** Starts a topic; returns its id, or empty when the viewer may not post here. */
    @Transactional
    public Optional<String> startTopic(Access access, Viewer viewer, Draft draft) {
        if (!access.canPost()) {
            return Optional.empty();
        }
        String topicId = RandomId.next();
        long now = clock.millis();
        db.insertInto(TOPICS).set(TOPICS.ID, topicId).set(TOPICS.COMMUNITY_ID, access.community().id())
                .set(TOPICS.KIND, draft.kind().name()).set(TOPICS.TITLE, draft.title().strip())
                .set(TOPICS.CREATED_AT, now).set(TOPICS.LAST_ACTIVITY_AT, now).set(TOPICS.REPLY_COUNT, 0).execute();
        insertPost(topicId, 0, viewer, draft, markdown.toSafeHtml(draft.body()), now, access);
        return Optional.of(topicId);
    }

    /** Replies to a topic; returns where the reply is, or empty when not allowed or no such topic. */
    public Optional<Location> reply(Access access, Viewer viewer, String topicId, Draft draft) {
        if (!access.canPost() || !RandomId.looksValid(topicId)) {
            return Optional.empty();
        }
        // Rendered before the transaction: on SQLite the transaction holds the one write lock.
        String html = markdown.toSafeHtml(draft.body());
        return transactions.execute(status -> {
            if (!db.fetchExists(TOPICS, TOPICS.ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(access.community().id()))) {
                return Optional.<Location>empty();
            }
            long now = clock.millis();
            // Counting the reply first locks the topic's row, so concurrent replies get distinct positions.
            int position = db.update(TOPICS).set(TOPICS.REPLY_COUNT, TOPICS.REPLY_COUNT.plus(1))
                    .set(TOPICS.LAST_ACTIVITY_AT, greatest(TOPICS.LAST_ACTIVITY_AT, org.jooq.impl.DSL.val(now)))
                    .where(TOPICS.ID.eq(topicId)).returningResult(TOPICS.REPLY_COUNT).fetchOne().value1();
            String postId = insertPost(topicId, position, viewer, draft, html, now, access);
            events.publishEvent(new ReplyPosted(topicId, postId, position));
            return Optional.of(location(topicId, position, postId));
        });
    }

    /** Edits the viewer's own post, keeping the previous version for moderators. */
    @Transactional
    public boolean edit(Access access, Viewer viewer, String postId, Draft draft) {
        var post = postInCommunity(access, postId)
                .filter(p -> access.canPost() && viewer.memberId().equals(p.get(POSTS.AUTHOR_ID)) && p.get(POSTS.DELETED_AT) == null);
        if (post.isEmpty()) {
            return false;
        }
        var p = post.get();
        boolean opening = Boolean.TRUE.equals(p.get(POSTS.OPENING));
        long now = clock.millis();
        db.insertInto(POST_REVISIONS).set(POST_REVISIONS.ID, RandomId.next()).set(POST_REVISIONS.POST_ID, postId)
                .set(POST_REVISIONS.TITLE, opening ? p.get(TOPICS.TITLE) : null).set(POST_REVISIONS.BODY_SOURCE, p.get(POSTS.BODY_SOURCE))
                .set(POST_REVISIONS.CONTENT_WARNING, p.get(POSTS.CONTENT_WARNING))
                .set(POST_REVISIONS.WRITTEN_AT, p.get(POSTS.EDITED_AT) == null ? p.get(POSTS.CREATED_AT) : p.get(POSTS.EDITED_AT))
                .set(POST_REVISIONS.REPLACED_AT, now).execute();
        db.update(POSTS).set(POSTS.BODY_SOURCE, draft.body()).set(POSTS.BODY_HTML, markdown.toSafeHtml(draft.body()))
                .set(POSTS.CONTENT_WARNING, blankToNull(draft.contentWarning())).set(POSTS.EDITED_AT, now)
                .where(POSTS.ID.eq(postId)).execute();
        if (opening && draft.title() != null && !draft.title().isBlank()) {
            db.update(TOPICS).set(TOPICS.TITLE, draft.title().strip()).where(TOPICS.ID.eq(p.get(POSTS.TOPIC_ID))).execute();
        }
        return true;
    }

    /**
     * Deletes the viewer's own post for real: its text, its earlier versions and its reactions
     * are erased. A marker stays in its place so the replies around it still make sense.
     */
    @Transactional
    public boolean delete(Access access, Viewer viewer, String postId) {
        var post = postInCommunity(access, postId)
                .filter(p -> viewer.memberId().equals(p.get(POSTS.AUTHOR_ID)) && p.get(POSTS.DELETED_AT) == null);
        if (post.isEmpty()) {
            return false;
        }
        db.deleteFrom(POST_REVISIONS).where(POST_REVISIONS.POST_ID.eq(postId)).execute();
        db.deleteFrom(REACTIONS).where(REACTIONS.POST_ID.eq(postId)).execute();
        db.update(POSTS).set(POSTS.BODY_SOURCE, "").set(POSTS.BODY_HTML, "").set(POSTS.CONTENT_WARNING, (String) null)
                .set(POSTS.DELETED_AT, clock.millis()).where(POSTS.ID.eq(postId)).execute();
        if (Boolean.TRUE.equals(post.get().get(POSTS.OPENING))) {
            db.update(TOPICS).set(TOPICS.TITLE, DELETED_TITLE).where(TOPICS.ID.eq(post.get().get(POSTS.TOPIC_ID))).execute();
        }
        return true;
    }

    /** Adds the reaction, or takes it back when the viewer had already given it. Members only. */
    @Transactional
    public boolean toggleReaction(Access access, Viewer viewer, String postId, ReactionKind kind) {
        var post = postInCommunity(access, postId).filter(p -> access.canPost() && p.get(POSTS.DELETED_AT) == null);
        if (post.isEmpty()) {
            return false;
        }
        int removed = db.deleteFrom(REACTIONS)
                .where(REACTIONS.POST_ID.eq(postId), REACTIONS.MEMBER_ID.eq(viewer.memberId()), REACTIONS.KIND.eq(kind.name())).execute();
        if (removed == 0) {
            db.insertInto(REACTIONS).set(REACTIONS.POST_ID, postId).set(REACTIONS.MEMBER_ID, viewer.memberId()).set(REACTIONS.KIND, kind.name())
                    .onConflictDoNothing().execute();
        }
        return true;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String insertPost(String topicId, int position, Viewer viewer, Draft draft, String html, long now,
            Access access) {
        String postId = RandomId.next();
        db.insertInto(POSTS).set(POSTS.ID, postId).set(POSTS.TOPIC_ID, topicId).set(POSTS.AUTHOR_ID, viewer.memberId())
                .set(POSTS.ANONYMOUS, draft.anonymous() && access.community().allowAnonymous())
                .set(POSTS.OPENING, position == 0).set(POSTS.POSITION, position).set(POSTS.BODY_SOURCE, draft.body()).set(POSTS.BODY_HTML, html)
                .set(POSTS.CONTENT_WARNING, blankToNull(draft.contentWarning())).set(POSTS.CREATED_AT, now).execute();
        markRead(viewer.memberId(), topicId, now);
        return postId;
    }

    private void markRead(String memberId, String topicId, long at) {
        db.insertInto(TOPIC_READS).set(TOPIC_READS.MEMBER_ID, memberId).set(TOPIC_READS.TOPIC_ID, topicId).set(TOPIC_READS.READ_AT, at)
                .onConflict(TOPIC_READS.MEMBER_ID, TOPIC_READS.TOPIC_ID).doUpdate()
                .set(TOPIC_READS.READ_AT, greatest(TOPIC_READS.READ_AT, org.jooq.impl.DSL.val(at)))
                .execute();
    }

    /** The topic's row if the viewer may read it: readable community, well-formed id, topic of that community. */
    private Record readableTopic(Access access, String topicId, Field<?>... fields) {
        if (!access.canRead() || !RandomId.looksValid(topicId)) {
            return null;
        }
        return db.select(fields).from(TOPICS)
                .where(TOPICS.ID.eq(topicId), TOPICS.COMMUNITY_ID.eq(access.community().id())).fetchOne();
    }

    private Optional<Record> postInCommunity(Access access, String postId) {
        if (!access.canRead() || !RandomId.looksValid(postId)) {
            return Optional.empty();
        }
        return db.select(POSTS.ID, POSTS.TOPIC_ID, POSTS.AUTHOR_ID, POSTS.ANONYMOUS, POSTS.OPENING, POSTS.POSITION, POSTS.BODY_SOURCE, POSTS.CONTENT_WARNING, POSTS.CREATED_AT, POSTS.EDITED_AT,
                        POSTS.DELETED_AT, TOPICS.TITLE, TOPICS.KIND)
                .from(POSTS).join(TOPICS).on(TOPICS.ID.eq(POSTS.TOPIC_ID))
                .where(POSTS.ID.eq(postId), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .fetchOptional().map(r -> (Record) r);
    }

    /** Reaction counts per post and kind, and which of them are the viewer's own, in one query. */
    private void reactions(List<String> postIds, Viewer viewer, Map<String, Map<ReactionKind, Integer>> counts,
            Map<String, Set<ReactionKind>> mine) {
        if (postIds.isEmpty()) {
            return;
        }
        Field<Integer> own = viewer == null ? org.jooq.impl.DSL.inline(0)
                : org.jooq.impl.DSL.max(org.jooq.impl.DSL.when(REACTIONS.MEMBER_ID.eq(viewer.memberId()), 1).else_(0));
        db.select(REACTIONS.POST_ID, REACTIONS.KIND, count(), own).from(REACTIONS).where(REACTIONS.POST_ID.in(postIds)).groupBy(REACTIONS.POST_ID, REACTIONS.KIND)
                .forEach(r -> {
                    ReactionKind kind = ReactionKind.valueOf(r.value2());
                    counts.computeIfAbsent(r.value1(), k -> new EnumMap<>(ReactionKind.class)).put(kind, r.value3());
                    if (r.value4() != null && r.value4() == 1) {
                        mine.computeIfAbsent(r.value1(), k -> EnumSet.noneOf(ReactionKind.class)).add(kind);
                    }
                });
    }

    /** Members see "anonymous member"; moderators see who it is; the author sees it is theirs. */
    private static String authorLabel(String authorId, boolean anonymous, Map<String, String> handles,
            Access access, Viewer viewer) {
        String handle = handles.getOrDefault(authorId, "former member");
        if (!anonymous) {
            return handle;
        }
        if (viewer != null && viewer.memberId().equals(authorId)) {
            return "you, posting anonymously";
        }
        return seesAnonymousAuthors(access) ? "anonymous member (" + handle + ")" : "anonymous member";
    }

    /**
     * Who wrote an anonymous post is shown to moderators only once they signed in with a second
     * factor: a stolen password alone must not unmask anyone.
     */
    private static boolean seesAnonymousAuthors(Access access) {
        return access.moderates() && SecondFactorRules.hasSecondFactor();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
