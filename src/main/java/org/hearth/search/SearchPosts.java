package org.hearth.search;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hearth.community.Access;
import org.hearth.community.Communities;
import org.hearth.conversation.ReadersChoices;
import org.hearth.conversation.SearchablePosts;
import org.hearth.conversation.TopicKind;
import org.hearth.identity.Members;
import org.hearth.platform.security.AttemptLimits;
import org.hearth.platform.security.Viewer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.web.util.HtmlUtils;

/**
 * A search, for a visitor or a member: only in communities they may read now (public ones, and
 * those they belong to), hidden posts only where they moderate, never a count or a word about
 * anywhere else. Results are topics, those whose title matched first, then by their newest
 * match, each with its few newest matching posts and an excerpt of the first; posts by members the searcher blocked fold, as on the topic page. What was
 * searched for is neither logged nor kept.
 */
@Service
public class SearchPosts {

    public static final int TOPICS_PER_PAGE = 10;
    /** Matching posts shown per topic; the rest are counted. */
    static final int POSTS_PER_TOPIC = 3;
    /** How many of the newest matches the searcher may read a search ranks. */
    public static final int MATCHES_LOOKED_AT = SearchIndex.CANDIDATES;
    /** How far paging goes: the candidates a search ranks cannot fill more. */
    public static final int LAST_PAGE = SearchIndex.CANDIDATES / TOPICS_PER_PAGE;

    private final SearchIndex index;
    private final Communities communities;
    private final SearchablePosts posts;
    private final Members members;
    private final AttemptLimits limits;
    private final ObjectProvider<ReadersChoices> choices;
    private final SearchSettings settings;

    SearchPosts(SearchIndex index, Communities communities, SearchablePosts posts, Members members, AttemptLimits limits,
            ObjectProvider<ReadersChoices> choices, SearchSettings settings) {
        this.settings = settings;
        this.index = index;
        this.communities = communities;
        this.posts = posts;
        this.members = members;
        this.limits = limits;
        this.choices = choices;
    }

    /**
     * @param limitKey what a signed-out searcher is counted by (their address); members are
     *     counted by their account
     * @param community a community's address to search within, or null for every community
     * @param author a handle, or null; an anonymous post is never found by it
     * @param from the first day, or null; @param until the last day, or null (both in {@code zone})
     */
    public record Input(Viewer viewer, String limitKey, String text, String community, TopicKind kind, String author, LocalDate from,
            LocalDate until, int page, ZoneId zone) {
    }

    public sealed interface Outcome {

        /** Nothing typed: the form, within the community if one was given and may be searched. */
        record Empty(Access within) implements Outcome {
        }

        /** What was typed cannot be searched, said why in words. */
        record NotUnderstood(String why) implements Outcome {
        }

        /** No community at that address that this searcher may read: the same answer for one that does not exist. */
        record NoSuchCommunity() implements Outcome {
        }

        /** Searched too often; may search again in this many seconds. */
        record TooOften(long seconds) implements Outcome {
        }

        /** The engine gave up on it: it would have read too many posts (a phrase of common words, on PostgreSQL). */
        record TooBroad(Access within) implements Outcome {
        }

        /** The results, a page of them; {@code more}: a next page has some. */
        record Found(Access within, List<TopicFound> topics, int page, boolean more) implements Outcome {
        }
    }

    /** A topic with matching posts. {@code morePosts}: how many others of its posts matched. */
    public record TopicFound(String communitySlug, String communityName, String topicId, String title, TopicKind kind, List<PostFound> posts,
            int morePosts) {
    }

    /**
     * A matching post. {@code author} is null for an anonymous post; {@code folded}: by a member
     * the searcher blocked; {@code hidden}: hidden from members (shown to a moderator only);
     * {@code excerpt}: for the best post of its topic only, else null.
     */
    public record PostFound(String postId, String href, String author, boolean opening, long createdAt, String contentWarning,
            boolean folded, boolean hidden, Excerpt excerpt) {
    }

    /** Words of a post around what matched: escaped text, each match in {@code <mark>}. */
    public record Excerpt(String html) {

        static Excerpt of(String marked) {
            String escaped = HtmlUtils.htmlEscape(marked == null ? "" : marked);
            return new Excerpt(escaped.replace(String.valueOf(SearchIndex.Entry.MARK_START), "<mark>")
                    .replace(String.valueOf(SearchIndex.Entry.MARK_END), "</mark>"));
        }
    }

    public Outcome run(Input input) {
        return run(input, readableBy(input.viewer()));
    }

    /** The communities this viewer may search, as the form lists them; {@link #run(Input, List)} takes them so they are asked once. */
    public List<Access> readableBy(Viewer viewer) {
        return communities.readableBy(viewer);
    }

    /** A search in the communities {@link #readableBy} gave for the same viewer. */
    public Outcome run(Input input, List<Access> readable) {
        Access within = null;
        if (input.community() != null && !input.community().isBlank()) {
            within = readable.stream().filter(a -> a.community().slug().equals(input.community())).findFirst().orElse(null);
            if (within == null) {
                return new Outcome.NoSuchCommunity();
            }
        }
        SearchQuery query;
        switch (SearchQuery.read(input.text())) {
            case SearchQuery.Empty empty -> {
                return new Outcome.Empty(within);
            }
            case SearchQuery.NotUnderstood why -> {
                return new Outcome.NotUnderstood(why.why());
            }
            case SearchQuery.Understood understood -> query = understood.query();
        }
        if (input.from() != null && input.until() != null && input.from().isAfter(input.until())) {
            return new Outcome.NotUnderstood("The first day comes after the last: swap them, or leave one empty.");
        }
        int page = Math.clamp(input.page(), 1, LAST_PAGE);
        OptionalLong wait = limits.tryLocally("search",
                input.viewer() != null ? input.viewer().memberId() : Objects.requireNonNullElse(input.limitKey(), ""),
                settings.searchesPerMinute(), java.time.Duration.ofMinutes(1));
        if (wait.isPresent()) {
            return new Outcome.TooOften(wait.getAsLong());
        }
        List<Access> where = within != null ? List.of(within) : readable;
        Map<String, Access> byCommunity = where.stream().collect(Collectors.toMap(a -> a.community().id(), Function.identity()));
        Set<String> moderated = where.stream().filter(Access::canModerate).map(a -> a.community().id()).collect(Collectors.toSet());
        String authorId = input.author() == null || input.author().isBlank() ? null
                : members.idOfHandle(input.author().strip().replaceFirst("^@", "")).orElse(""); // no such member: finds nothing, says nothing
        ZoneId zone = input.zone() == null ? ZoneId.of("UTC") : input.zone();
        SearchIndex.Scope scope = new SearchIndex.Scope(byCommunity.keySet(), moderated, input.kind(), authorId,
                input.from() == null ? null : input.from().atStartOfDay(zone).toInstant().toEpochMilli(),
                input.until() == null ? null : input.until().plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli());

        List<SearchIndex.Hit> hits;
        try {
            hits = new ArrayList<>(index.search(query, scope));
        } catch (SearchIndex.TooBroad e) {
            return new Outcome.TooBroad(within);
        }
        hits.sort(Comparator.comparingDouble(SearchIndex.Hit::score).reversed().thenComparing(Comparator.comparingLong(SearchIndex.Hit::createdAt).reversed()));
        Map<String, List<SearchIndex.Hit>> byTopic = new LinkedHashMap<>();
        for (SearchIndex.Hit hit : hits) {
            byTopic.computeIfAbsent(hit.topicId(), t -> new ArrayList<>()).add(hit);
        }
        List<String> topicIds = new ArrayList<>(byTopic.keySet());
        int first = (page - 1) * TOPICS_PER_PAGE;
        List<String> shown = topicIds.subList(Math.min(first, topicIds.size()), Math.min(first + TOPICS_PER_PAGE, topicIds.size()));
        boolean more = topicIds.size() > first + TOPICS_PER_PAGE && page < LAST_PAGE;
        if (shown.isEmpty()) {
            return new Outcome.Found(within, List.of(), page, false);
        }
        Map<String, SearchablePosts.Heading> headings = posts.headings(shown, byCommunity, input.viewer());
        List<SearchIndex.Hit> shownHits = shown.stream().filter(headings::containsKey)
                .flatMap(t -> byTopic.get(t).stream().limit(POSTS_PER_TOPIC)).toList();
        // an excerpt for the best post of each topic only: making one means reading the post's words again
        Map<String, String> excerpts = index.excerpts(query, shown.stream().filter(headings::containsKey)
                .map(t -> byTopic.get(t).getFirst().postId()).toList());
        Map<String, String> handles = members.handles(shownHits.stream().map(SearchIndex.Hit::authorId).filter(Objects::nonNull)
                .collect(Collectors.toSet()));
        ReadersChoices readers = input.viewer() == null ? null : choices.getIfAvailable();
        Set<String> blocked = readers == null ? Set.of() : readers.of(input.viewer().memberId()).blockedAuthors();

        List<TopicFound> topics = new ArrayList<>();
        for (String topicId : shown) {
            SearchablePosts.Heading heading = headings.get(topicId);
            if (heading == null) {
                continue; // moved meanwhile to a community this searcher may not read
            }
            Access access = byCommunity.get(heading.communityId());
            List<SearchIndex.Hit> found = byTopic.get(topicId);
            String slug = access.community().slug();
            List<PostFound> postsFound = found.stream().limit(POSTS_PER_TOPIC).map(hit -> {
                var location = SearchablePosts.location(topicId, hit.position(), hit.postId());
                String href = "/c/" + slug + "/t/" + topicId + (location.page() > 1 ? "?page=" + location.page() : "") + "#p-" + hit.postId();
                String author = hit.authorId() == null ? null : handles.getOrDefault(hit.authorId(), "former member");
                return new PostFound(hit.postId(), href, author, hit.opening(), hit.createdAt(), hit.contentWarning(),
                        hit.authorId() != null && blocked.contains(hit.authorId()), hit.hidden(),
                        excerpts.containsKey(hit.postId()) ? Excerpt.of(excerpts.get(hit.postId())) : null);
            }).toList();
            topics.add(new TopicFound(slug, access.community().name(), topicId, heading.title(), heading.kind(), postsFound,
                    Math.max(0, found.size() - POSTS_PER_TOPIC)));
        }
        return new Outcome.Found(within, topics, page, more);
    }
}
