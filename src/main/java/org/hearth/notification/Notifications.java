package org.hearth.notification;

import static org.hearth.notification.schema.Tables.NOTIFICATIONS;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.community.CommunityNames;
import org.hearth.conversation.Conversations;
import org.hearth.conversation.SearchablePosts;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/**
 * A member's notifications as their page shows them: newest first, grouped by topic, each
 * checked again as it is shown (the community readable now, the post still shown, the
 * topic's title concealed while its opening post is hidden), so that what changed after it was
 * told never shows. Reading one, or all, marks them read.
 */
@Service
public class Notifications {

    static final int PER_PAGE = 50;
    private static final int MAX_PAGES = 20;

    private final DSLContext db;
    private final Clock clock;
    private final Communities communities;
    private final Conversations conversations;
    private final SearchablePosts topics;
    private final Members members;
    private final UnreadCounts unread;
    private final CommunityNames names;

    Notifications(DSLContext db, Clock clock, Communities communities, Conversations conversations, SearchablePosts topics,
            Members members, UnreadCounts unread, CommunityNames names) {
        this.names = names;
        this.db = db;
        this.clock = clock;
        this.communities = communities;
        this.conversations = conversations;
        this.topics = topics;
        this.members = members;
        this.unread = unread;
    }

    /** One notification as shown. {@code actorHandle}: who did it last, null when anonymous, unnamed or no longer a member. */
    public record Item(String id, NotificationKind kind, int howMany, String actorHandle, long at, boolean unread) {
    }

    /**
     * The notifications of one place: a topic ({@code topicId} set: its replies can be stopped),
     * a community the member moderates, or the member themselves ("About you").
     */
    public record Group(String title, String href, String placeName, String placeHref, String slug, String topicId,
            List<Item> items) {
    }

    /** A page of them; {@code more}: an older page exists. */
    public record Listing(List<Group> groups, int page, boolean more, int unread) {
    }

    private static final String ABOUT_YOU = "about-you";

    public Listing of(Viewer viewer, int page) {
        int shownPage = Math.clamp(page, 1, MAX_PAGES);
        List<? extends Record> rows = db.select(NOTIFICATIONS.ID, NOTIFICATIONS.KIND, NOTIFICATIONS.COMMUNITY_ID, NOTIFICATIONS.TOPIC_ID,
                        NOTIFICATIONS.POST_ID, NOTIFICATIONS.ACTOR_MEMBER_ID, NOTIFICATIONS.HOW_MANY, NOTIFICATIONS.UPDATED_AT, NOTIFICATIONS.READ_AT)
                .from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(viewer.memberId()))
                .orderBy(NOTIFICATIONS.UPDATED_AT.desc(), NOTIFICATIONS.ID).limit(PER_PAGE + 1).offset((shownPage - 1) * PER_PAGE)
                .fetch();
        boolean more = rows.size() > PER_PAGE && shownPage < MAX_PAGES;
        rows = rows.subList(0, Math.min(rows.size(), PER_PAGE));
        return new Listing(grouped(viewer, rows), shownPage, more, unread.of(viewer.memberId()));
    }

    /**
     * The member's unread notifications of these kinds that came (or grew) after {@code since},
     * newest first, at most 200, grouped and checked as the page checks them: for a digest.
     */
    List<Group> unreadSince(Viewer viewer, java.util.Collection<NotificationKind> kinds, long since) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        List<? extends Record> rows = db.select(NOTIFICATIONS.ID, NOTIFICATIONS.KIND, NOTIFICATIONS.COMMUNITY_ID, NOTIFICATIONS.TOPIC_ID,
                        NOTIFICATIONS.POST_ID, NOTIFICATIONS.ACTOR_MEMBER_ID, NOTIFICATIONS.HOW_MANY, NOTIFICATIONS.UPDATED_AT, NOTIFICATIONS.READ_AT)
                .from(NOTIFICATIONS).where(NOTIFICATIONS.MEMBER_ID.eq(viewer.memberId()), NOTIFICATIONS.READ_AT.isNull(),
                        NOTIFICATIONS.UPDATED_AT.gt(since), NOTIFICATIONS.KIND.in(kinds.stream().map(Enum::name).toList()))
                .orderBy(NOTIFICATIONS.UPDATED_AT.desc(), NOTIFICATIONS.ID).limit(200).fetch();
        return grouped(viewer, rows);
    }

    private List<Group> grouped(Viewer viewer, List<? extends Record> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        // checked again now: the community readable (or moderated), the topic readable, the post still shown
        Map<String, Access> readable = communities.readableBy(viewer).stream()
                .collect(Collectors.toMap(a -> a.community().id(), Function.identity()));
        Set<String> topicIds = new HashSet<>();
        Set<String> postIds = new HashSet<>();
        Set<String> actors = new HashSet<>();
        for (Record r : rows) {
            if (r.get(NOTIFICATIONS.POST_ID) != null) {
                topicIds.add(r.get(NOTIFICATIONS.TOPIC_ID));
                postIds.add(r.get(NOTIFICATIONS.POST_ID));
            }
            if (r.get(NOTIFICATIONS.ACTOR_MEMBER_ID) != null) {
                actors.add(r.get(NOTIFICATIONS.ACTOR_MEMBER_ID));
            }
        }
        var headings = topics.headings(topicIds, readable, viewer);
        var posts = conversations.postsNow(postIds);
        Map<String, String> handles = members.handles(actors);
        Map<String, Group> groups = new LinkedHashMap<>();
        for (Record r : rows) {
            NotificationKind kind = NotificationKind.valueOf(r.get(NOTIFICATIONS.KIND));
            String actor = r.get(NOTIFICATIONS.ACTOR_MEMBER_ID);
            Item item = new Item(r.get(NOTIFICATIONS.ID), kind, r.get(NOTIFICATIONS.HOW_MANY),
                    actor == null || kind.audience() != NotificationKind.Audience.POST ? null : handles.get(actor),
                    r.get(NOTIFICATIONS.UPDATED_AT), r.get(NOTIFICATIONS.READ_AT) == null);
            String communityId = r.get(NOTIFICATIONS.COMMUNITY_ID);
            switch (kind.audience()) {
                case PERSONAL -> groups.computeIfAbsent(ABOUT_YOU, key -> new Group("About you", null, null, null, null, null,
                        new ArrayList<>())).items().add(item);
                case MODERATORS -> {
                    Access access = readable.get(communityId);
                    if (access != null && access.moderates()) {
                        String slug = access.community().slug();
                        groups.computeIfAbsent("moderating:" + communityId, key -> new Group("Moderating " + access.community().name(),
                                "/c/" + slug + "/review", null, null, null, null, new ArrayList<>())).items().add(item);
                    }
                }
                case POST -> {
                    var heading = headings.get(r.get(NOTIFICATIONS.TOPIC_ID));
                    var post = posts.get(r.get(NOTIFICATIONS.POST_ID));
                    if (heading == null || post == null || !post.shown() || !heading.communityId().equals(communityId)) {
                        continue;
                    }
                    Access access = readable.get(heading.communityId());
                    String slug = access.community().slug();
                    groups.computeIfAbsent(heading.topicId(), id -> new Group(heading.title(), "/c/" + slug + "/t/" + id,
                            access.community().name(), "/c/" + slug, slug, id, new ArrayList<>())).items().add(item);
                }
            }
        }
        return List.copyOf(groups.values());
    }

    /**
     * Marks one of the member's notifications read and says where it leads; empty when it is not
     * theirs, or leads nowhere they may go now (answered alike).
     */
    public Optional<String> open(Viewer viewer, String id) {
        if (!RandomId.looksValid(id)) {
            return Optional.empty();
        }
        int changed = db.update(NOTIFICATIONS).set(NOTIFICATIONS.READ_AT, clock.millis())
                .where(NOTIFICATIONS.ID.eq(id), NOTIFICATIONS.MEMBER_ID.eq(viewer.memberId()), NOTIFICATIONS.READ_AT.isNull()).execute();
        if (changed > 0) {
            unread.changed(Set.of(viewer.memberId()));
        }
        var row = db.select(NOTIFICATIONS.KIND, NOTIFICATIONS.COMMUNITY_ID, NOTIFICATIONS.POST_ID).from(NOTIFICATIONS)
                .where(NOTIFICATIONS.ID.eq(id), NOTIFICATIONS.MEMBER_ID.eq(viewer.memberId())).fetchOptional();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        NotificationKind kind = NotificationKind.valueOf(row.get().value1());
        String communityId = row.get().value2();
        return switch (kind) {
            case APPLICATION_DECIDED -> Optional.of("/me/clinician");
            case DECISION_ABOUT_YOU, APPEAL_DECIDED -> Optional.of("/me/decisions");
            case JOIN_REQUEST, REVIEW_QUEUE -> Optional.ofNullable(names.byId(Set.of(communityId)).get(communityId))
                    .flatMap(named -> communities.visibleTo(named.slug(), viewer))
                    .filter(Access::moderates)
                    .map(access -> "/c/" + access.community().slug() + (kind == NotificationKind.JOIN_REQUEST ? "/members" : "/review"));
            default -> {
                var post = conversations.postsNow(Set.of(row.get().value3())).get(row.get().value3());
                if (post == null || !post.shown() || !post.communityId().equals(communityId)
                        || communities.readersAmong(post.communityId(), Set.of(viewer.memberId())).isEmpty()) {
                    yield Optional.empty();
                }
                var at = post.location();
                yield Optional.ofNullable(names.byId(Set.of(post.communityId())).get(post.communityId()))
                        .map(named -> "/c/" + named.slug() + "/t/" + at.topicId() + (at.page() > 1 ? "?page=" + at.page() : "")
                                + "#p-" + at.postId());
            }
        };
    }

    /** Marks every notification of the member read; how many were unread. */
    public int readAll(Viewer viewer) {
        int changed = db.update(NOTIFICATIONS).set(NOTIFICATIONS.READ_AT, clock.millis())
                .where(NOTIFICATIONS.MEMBER_ID.eq(viewer.memberId()), NOTIFICATIONS.READ_AT.isNull()).execute();
        if (changed > 0) {
            unread.changed(Set.of(viewer.memberId()));
        }
        return changed;
    }
}
