package org.hearth.conversation;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

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
import org.jooq.Table;
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

    public static final int TOPICS_PER_PAGE = 30;

    static final Table<Record> TOPICS = table(name("topics"));
    static final Field<String> T_ID = field(name("topics", "id"), String.class);
    static final Field<String> T_COMMUNITY = field(name("topics", "community_id"), String.class);
    static final Field<String> T_KIND = field(name("topics", "kind"), String.class);
    static final Field<String> T_TITLE = field(name("topics", "title"), String.class);
    static final Field<Long> T_CREATED = field(name("topics", "created_at"), Long.class);
    static final Field<Long> T_ACTIVITY = field(name("topics", "last_activity_at"), Long.class);
    static final Field<Integer> T_REPLIES = field(name("topics", "reply_count"), Integer.class);

    static final Table<Record> POSTS = table(name("posts"));
    static final Field<String> P_ID = field(name("posts", "id"), String.class);
    static final Field<String> P_TOPIC = field(name("posts", "topic_id"), String.class);
    static final Field<String> P_AUTHOR = field(name("posts", "author_id"), String.class);
    static final Field<Boolean> P_ANONYMOUS = field(name("posts", "anonymous"), Boolean.class);
    static final Field<Boolean> P_OPENING = field(name("posts", "opening"), Boolean.class);
    static final Field<Integer> P_POSITION = field(name("posts", "position"), Integer.class);
    static final Field<String> P_SOURCE = field(name("posts", "body_source"), String.class);
    static final Field<String> P_HTML = field(name("posts", "body_html"), String.class);
    static final Field<String> P_WARNING = field(name("posts", "content_warning"), String.class);
    static final Field<Long> P_CREATED = field(name("posts", "created_at"), Long.class);
    static final Field<Long> P_EDITED = field(name("posts", "edited_at"), Long.class);
    static final Field<Long> P_DELETED = field(name("posts", "deleted_at"), Long.class);

    static final Table<Record> REVISIONS = table(name("post_revisions"));
    static final Field<String> V_ID = field(name("post_revisions", "id"), String.class);
    static final Field<String> V_POST = field(name("post_revisions", "post_id"), String.class);
    static final Field<String> V_TITLE = field(name("post_revisions", "title"), String.class);
    static final Field<String> V_SOURCE = field(name("post_revisions", "body_source"), String.class);
    static final Field<String> V_WARNING = field(name("post_revisions", "content_warning"), String.class);
    static final Field<Long> V_WRITTEN = field(name("post_revisions", "written_at"), Long.class);
    static final Field<Long> V_REPLACED = field(name("post_revisions", "replaced_at"), Long.class);

    static final Table<Record> REACTIONS = table(name("reactions"));
    static final Field<String> X_POST = field(name("reactions", "post_id"), String.class);
    static final Field<String> X_MEMBER = field(name("reactions", "member_id"), String.class);
    static final Field<String> X_KIND = field(name("reactions", "kind"), String.class);

    static final Table<Record> READS = table(name("topic_reads"));
    static final Field<String> R_MEMBER = field(name("topic_reads", "member_id"), String.class);
    static final Field<String> R_TOPIC = field(name("topic_reads", "topic_id"), String.class);
    static final Field<Long> R_AT = field(name("topic_reads", "read_at"), Long.class);

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
                : field(org.jooq.impl.DSL.select(R_AT).from(READS)
                        .where(R_TOPIC.eq(T_ID), R_MEMBER.eq(viewer.memberId()))).as("read_at");
        var rows = db.select(T_ID, T_KIND, T_TITLE, T_REPLIES, T_ACTIVITY, P_AUTHOR, P_ANONYMOUS, readAt)
                .from(TOPICS).join(POSTS).on(P_TOPIC.eq(T_ID), P_OPENING.isTrue())
                .where(T_COMMUNITY.eq(access.community().id()))
                .orderBy(T_ACTIVITY.desc(), T_ID)
                .limit(TOPICS_PER_PAGE).offset(Math.max(0, page - 1) * TOPICS_PER_PAGE)
                .fetch();
        Map<String, String> handles = members.handles(new HashSet<>(rows.getValues(P_AUTHOR)));
        return rows.map(r -> {
            Long read = r.get("read_at", Long.class);
            return new TopicSummary(r.get(T_ID), TopicKind.valueOf(r.get(T_KIND)), r.get(T_TITLE),
                    authorLabel(r.get(P_AUTHOR), Boolean.TRUE.equals(r.get(P_ANONYMOUS)), handles, access, viewer),
                    r.get(T_REPLIES), r.get(T_ACTIVITY),
                    viewer != null && (read == null || read < r.get(T_ACTIVITY)));
        });
    }

    public int topicCount(Access access) {
        return access.canRead() ? db.fetchCount(TOPICS, T_COMMUNITY.eq(access.community().id())) : 0;
    }

    /**
     * One page of a topic. Marks what the signed-in viewer saw as read; posts newer than their
     * previous visit carry an unread marker on this showing. Not one transaction on purpose:
     * on SQLite a transaction takes the write lock, and reading must not queue behind writers.
     */
    public Optional<TopicPage> topic(Access access, String topicId, Viewer viewer, int page) {
        Field<Long> lastRead = viewer == null ? org.jooq.impl.DSL.inline((Long) null, Long.class).as("last_read")
                : field(org.jooq.impl.DSL.select(R_AT).from(READS)
                        .where(R_MEMBER.eq(viewer.memberId()), R_TOPIC.eq(T_ID))).as("last_read");
        var topic = readableTopic(access, topicId, T_ID, T_KIND, T_TITLE, T_REPLIES, lastRead);
        if (topic == null) {
            return Optional.empty();
        }
        int replies = topic.get(T_REPLIES);
        int pageCount = Math.max(1, (replies + TopicPage.POSTS_PER_PAGE) / TopicPage.POSTS_PER_PAGE);
        int shown = Math.min(Math.max(1, page), pageCount);
        var rows = db.select(SHOWN_POST)
                .from(POSTS).where(P_TOPIC.eq(topicId))
                .orderBy(P_POSITION)
                .limit(TopicPage.POSTS_PER_PAGE).offset((shown - 1) * TopicPage.POSTS_PER_PAGE)
                .fetch();
        Map<String, String> handles = members.handles(namedAuthors(rows, access));
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        Map<String, Set<ReactionKind>> mine = new HashMap<>();
        reactions(rows.getValues(P_ID), viewer, counts, mine);
        Long readAt = topic.get(lastRead);
        List<PostView> posts = new ArrayList<>(rows.size());
        long newest = 0;
        for (var r : rows) {
            PostView post = postView(r, access, viewer, readAt, handles, counts, mine);
            newest = Math.max(newest, post.createdAt());
            posts.add(post);
        }
        if (viewer != null && newest > 0 && (readAt == null || readAt < newest)) {
            markRead(viewer.memberId(), topicId, newest); // only when something new was read: no write per visit
        }
        return Optional.of(new TopicPage(topicId, TopicKind.valueOf(topic.get(T_KIND)), topic.get(T_TITLE),
                replies, posts, shown, pageCount));
    }

    /**
     * The position of the topic's latest post, if the viewer may read the topic: the same check
     * as the topic page, for whatever follows the topic live.
     */
    public OptionalInt latestPosition(Access access, String topicId) {
        var topic = readableTopic(access, topicId, T_REPLIES);
        return topic == null ? OptionalInt.empty() : OptionalInt.of(topic.get(T_REPLIES));
    }

    /**
     * The newest posts after a position (at most {@code limit}, oldest first), as every reader of
     * the topic sees them: no viewer's own marks, and anonymous authors hidden from everyone,
     * moderators included. One rendering of these serves all of the topic's live readers; the
     * access given is that of one of them, so the topic must be readable by it.
     */
    public List<PostView> postsForEveryone(Access access, String topicId, int after, int limit) {
        if (readableTopic(access, topicId, T_ID) == null) {
            return List.of();
        }
        var rows = db.select(SHOWN_POST)
                .from(POSTS).where(P_TOPIC.eq(topicId), P_POSITION.gt(after))
                .orderBy(P_POSITION.desc()).limit(limit)
                .fetch();
        Access everyone = new Access(access.community(), null, false, false, false);
        Map<String, String> handles = members.handles(namedAuthors(rows, everyone));
        Map<String, Map<ReactionKind, Integer>> counts = new HashMap<>();
        reactions(rows.getValues(P_ID), null, counts, new HashMap<>());
        return rows.reversed().stream().map(r -> postView(r, everyone, null, null, handles, counts, Map.of())).toList();
    }

    /** Earlier versions of a post, for moderators of its community only. */
    public Optional<List<Revision>> revisions(Access access, String postId) {
        if (!seesAnonymousAuthors(access) || postInCommunity(access, postId).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(db.select(V_TITLE, V_SOURCE, V_WARNING, V_WRITTEN, V_REPLACED).from(REVISIONS)
                .where(V_POST.eq(postId)).orderBy(V_REPLACED.desc())
                .fetch(r -> new Revision(r.get(V_TITLE), r.get(V_SOURCE), r.get(V_WARNING), r.get(V_WRITTEN), r.get(V_REPLACED))));
    }

    /** A member's own post, to fill the edit form; empty if it is not theirs or not in this community. */
    public Optional<Draft> ownDraft(Access access, Viewer viewer, String postId) {
        return postInCommunity(access, postId)
                .filter(p -> viewer != null && viewer.memberId().equals(p.get(P_AUTHOR)) && p.get(P_DELETED) == null)
                .map(p -> new Draft(TopicKind.valueOf(p.get(T_KIND)),
                        Boolean.TRUE.equals(p.get(P_OPENING)) ? p.get(T_TITLE) : null,
                        p.get(P_SOURCE), p.get(P_WARNING), Boolean.TRUE.equals(p.get(P_ANONYMOUS))));
    }

    /** The topic a post belongs to and the page it is on, to send a reader back to it. */
    public Optional<Location> locate(Access access, String postId) {
        return postInCommunity(access, postId).map(p -> location(p.get(P_TOPIC), p.get(P_POSITION), postId));
    }

    private static Location location(String topicId, int position, String postId) {
        return new Location(topicId, position / TopicPage.POSTS_PER_PAGE + 1, postId);
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
        db.insertInto(TOPICS).set(T_ID, topicId).set(T_COMMUNITY, access.community().id())
                .set(T_KIND, draft.kind().name()).set(T_TITLE, draft.title().strip())
                .set(T_CREATED, now).set(T_ACTIVITY, now).set(T_REPLIES, 0).execute();
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
            if (!db.fetchExists(TOPICS, T_ID.eq(topicId), T_COMMUNITY.eq(access.community().id()))) {
                return Optional.<Location>empty();
            }
            long now = clock.millis();
            // Counting the reply first locks the topic's row, so concurrent replies get distinct positions.
            int position = db.update(TOPICS).set(T_REPLIES, T_REPLIES.plus(1))
                    .set(T_ACTIVITY, greatest(T_ACTIVITY, org.jooq.impl.DSL.val(now)))
                    .where(T_ID.eq(topicId)).returningResult(T_REPLIES).fetchOne().value1();
            String postId = insertPost(topicId, position, viewer, draft, html, now, access);
            events.publishEvent(new ReplyPosted(topicId, postId, position));
            return Optional.of(location(topicId, position, postId));
        });
    }

    /** Edits the viewer's own post, keeping the previous version for moderators. */
    @Transactional
    public boolean edit(Access access, Viewer viewer, String postId, Draft draft) {
        var post = postInCommunity(access, postId)
                .filter(p -> access.canPost() && viewer.memberId().equals(p.get(P_AUTHOR)) && p.get(P_DELETED) == null);
        if (post.isEmpty()) {
            return false;
        }
        var p = post.get();
        boolean opening = Boolean.TRUE.equals(p.get(P_OPENING));
        long now = clock.millis();
        db.insertInto(REVISIONS).set(V_ID, RandomId.next()).set(V_POST, postId)
                .set(V_TITLE, opening ? p.get(T_TITLE) : null).set(V_SOURCE, p.get(P_SOURCE))
                .set(V_WARNING, p.get(P_WARNING))
                .set(V_WRITTEN, p.get(P_EDITED) == null ? p.get(P_CREATED) : p.get(P_EDITED))
                .set(V_REPLACED, now).execute();
        db.update(POSTS).set(P_SOURCE, draft.body()).set(P_HTML, markdown.toSafeHtml(draft.body()))
                .set(P_WARNING, blankToNull(draft.contentWarning())).set(P_EDITED, now)
                .where(P_ID.eq(postId)).execute();
        if (opening && draft.title() != null && !draft.title().isBlank()) {
            db.update(TOPICS).set(T_TITLE, draft.title().strip()).where(T_ID.eq(p.get(P_TOPIC))).execute();
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
                .filter(p -> viewer.memberId().equals(p.get(P_AUTHOR)) && p.get(P_DELETED) == null);
        if (post.isEmpty()) {
            return false;
        }
        db.deleteFrom(REVISIONS).where(V_POST.eq(postId)).execute();
        db.deleteFrom(REACTIONS).where(X_POST.eq(postId)).execute();
        db.update(POSTS).set(P_SOURCE, "").set(P_HTML, "").set(P_WARNING, (String) null)
                .set(P_DELETED, clock.millis()).where(P_ID.eq(postId)).execute();
        if (Boolean.TRUE.equals(post.get().get(P_OPENING))) {
            db.update(TOPICS).set(T_TITLE, DELETED_TITLE).where(T_ID.eq(post.get().get(P_TOPIC))).execute();
        }
        return true;
    }

    /** Adds the reaction, or takes it back when the viewer had already given it. Members only. */
    @Transactional
    public boolean toggleReaction(Access access, Viewer viewer, String postId, ReactionKind kind) {
        var post = postInCommunity(access, postId).filter(p -> access.canPost() && p.get(P_DELETED) == null);
        if (post.isEmpty()) {
            return false;
        }
        int removed = db.deleteFrom(REACTIONS)
                .where(X_POST.eq(postId), X_MEMBER.eq(viewer.memberId()), X_KIND.eq(kind.name())).execute();
        if (removed == 0) {
            db.insertInto(REACTIONS).set(X_POST, postId).set(X_MEMBER, viewer.memberId()).set(X_KIND, kind.name())
                    .onConflictDoNothing().execute();
        }
        return true;
    }

    // ---- helpers ---------------------------------------------------------------------------

    private String insertPost(String topicId, int position, Viewer viewer, Draft draft, String html, long now,
            Access access) {
        String postId = RandomId.next();
        db.insertInto(POSTS).set(P_ID, postId).set(P_TOPIC, topicId).set(P_AUTHOR, viewer.memberId())
                .set(P_ANONYMOUS, draft.anonymous() && access.community().allowAnonymous())
                .set(P_OPENING, position == 0).set(P_POSITION, position).set(P_SOURCE, draft.body()).set(P_HTML, html)
                .set(P_WARNING, blankToNull(draft.contentWarning())).set(P_CREATED, now).execute();
        markRead(viewer.memberId(), topicId, now);
        return postId;
    }

    private void markRead(String memberId, String topicId, long at) {
        db.insertInto(READS).set(R_MEMBER, memberId).set(R_TOPIC, topicId).set(R_AT, at)
                .onConflict(R_MEMBER, R_TOPIC).doUpdate()
                .set(R_AT, greatest(R_AT, org.jooq.impl.DSL.val(at)))
                .execute();
    }

    /** The topic's row if the viewer may read it: readable community, well-formed id, topic of that community. */
    private Record readableTopic(Access access, String topicId, Field<?>... fields) {
        if (!access.canRead() || !RandomId.looksValid(topicId)) {
            return null;
        }
        return db.select(fields).from(TOPICS)
                .where(T_ID.eq(topicId), T_COMMUNITY.eq(access.community().id())).fetchOne();
    }

    private Optional<Record> postInCommunity(Access access, String postId) {
        if (!access.canRead() || !RandomId.looksValid(postId)) {
            return Optional.empty();
        }
        return db.select(P_ID, P_TOPIC, P_AUTHOR, P_ANONYMOUS, P_OPENING, P_POSITION, P_SOURCE, P_WARNING, P_CREATED, P_EDITED,
                        P_DELETED, T_TITLE, T_KIND)
                .from(POSTS).join(TOPICS).on(T_ID.eq(P_TOPIC))
                .where(P_ID.eq(postId), T_COMMUNITY.eq(access.community().id()))
                .fetchOptional().map(r -> (Record) r);
    }

    /** The columns {@link #postView} reads. */
    private static final Field<?>[] SHOWN_POST =
            {P_ID, P_POSITION, P_AUTHOR, P_ANONYMOUS, P_OPENING, P_HTML, P_WARNING, P_CREATED, P_EDITED, P_DELETED};

    /**
     * The one mapping from a post's row to what this reader sees of it: the topic page and the
     * live rendering for everyone both use it, so they cannot drift apart on who is named.
     * {@code readAt} is when the viewer last read the topic (null: nothing is marked unread).
     */
    private static PostView postView(Record r, Access access, Viewer viewer, Long readAt, Map<String, String> handles,
            Map<String, Map<ReactionKind, Integer>> counts, Map<String, Set<ReactionKind>> mine) {
        String id = r.get(P_ID);
        String author = r.get(P_AUTHOR);
        boolean anonymous = Boolean.TRUE.equals(r.get(P_ANONYMOUS));
        long created = r.get(P_CREATED);
        boolean own = viewer != null && viewer.memberId().equals(author);
        return new PostView(id, r.get(P_POSITION),
                anonymous && !seesAnonymousAuthors(access) ? null : author,
                authorLabel(author, anonymous, handles, access, viewer),
                anonymous, Boolean.TRUE.equals(r.get(P_OPENING)), r.get(P_HTML), r.get(P_WARNING), created,
                r.get(P_EDITED) != null, r.get(P_DELETED) != null,
                own, readAt != null && created > readAt && !own,
                counts.getOrDefault(id, Map.of()), mine.getOrDefault(id, Set.of()));
    }

    /** Authors this reader may see named: the handle behind an anonymous post is not even loaded for anyone else. */
    private static Set<String> namedAuthors(List<? extends Record> rows, Access access) {
        boolean unmasked = seesAnonymousAuthors(access);
        Set<String> authors = new HashSet<>();
        for (Record r : rows) {
            if (unmasked || !Boolean.TRUE.equals(r.get(P_ANONYMOUS))) {
                authors.add(r.get(P_AUTHOR));
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
        Field<Integer> own = viewer == null ? org.jooq.impl.DSL.inline(0)
                : org.jooq.impl.DSL.max(org.jooq.impl.DSL.when(X_MEMBER.eq(viewer.memberId()), 1).else_(0));
        db.select(X_POST, X_KIND, count(), own).from(REACTIONS).where(X_POST.in(postIds)).groupBy(X_POST, X_KIND)
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
