package org.hearth.search;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.conversation.TopicKind;

/**
 * A full-text index of posts, one per database engine: SQLite's FTS5 or PostgreSQL's text
 * search. It holds a copy of each post's words and what a search filters on, and is written only
 * inside the transaction that changed the post ({@link IndexFollowsPosts}). It never decides who
 * may read what: every search says which communities it may look in, and which of them it may
 * also see hidden posts of.
 */
interface SearchIndex {

    /** At most this many matches are looked at per search, the newest first, then ranked. */
    int CANDIDATES = 400;

    /** Adds these posts, or replaces what the index held of them. */
    void index(List<Entry> entries);

    /** Takes these posts out; ids not in the index are ignored. */
    void remove(Collection<String> postIds);

    /**
     * Posts matching the query within the scope: the newest {@link #CANDIDATES} matches, each
     * with a score of 1 when the topic's title matched, 0 when only the text did.
     */
    List<Hit> search(SearchQuery query, Scope scope);

    /**
     * For each of these posts, an excerpt of its text around what the query matched, with each
     * match between {@link Entry#MARK_START} and {@link Entry#MARK_END} (a post matched by its
     * title only gives the text's beginning, unmarked).
     */
    Map<String, String> excerpts(SearchQuery query, Collection<String> postIds);

    /** Whether the index holds this post: for checks and the rebuild. */
    Set<String> held(Collection<String> postIds);

    /**
     * After a rebuild: the engine learns the index's new shape. PostgreSQL plans a search by its
     * statistics of the words; without them it read the whole index for a common word.
     */
    default void settle() {
    }

    /** Seconds a search may take before the engine gives up on it ({@link TooBroad}). */
    int TIME_LIMIT_SECONDS = 1;

    /** A search given up after {@link #TIME_LIMIT_SECONDS}: it would have read too many posts to answer. */
    final class TooBroad extends RuntimeException {

        TooBroad() {
            super("too broad", null, false, false);
        }
    }

    /**
     * A post as the index keeps it. {@code text} is plain text (no markup); {@code title} the
     * topic's, on its opening post only; {@code authorId} null when the post is anonymous.
     */
    record Entry(String postId, String topicId, String communityId, TopicKind kind, int position, boolean opening, String title,
            String text, String authorId, boolean hidden, String contentWarning, long createdAt) {

        /** Marks the start and end of a match in an excerpt; taken out of every text indexed, so they mean nothing else. */
        static final char MARK_START = '\u0002';
        static final char MARK_END = '\u0003';

        public Entry {
            title = clean(title);
            text = clean(text);
        }

        private static String clean(String text) {
            return text == null ? "" : text.replace(MARK_START, ' ').replace(MARK_END, ' ').replace('\u0000', ' ');
        }
    }

    /**
     * Where a search may look: the communities the searcher may read, those of them whose
     * hidden posts they may see (moderators), and the filters they chose (null: any).
     */
    record Scope(Set<String> communities, Set<String> moderated, TopicKind kind, String authorId, Long from, Long until) {
    }

    /** A matching post; {@code score}: 1 when its topic's title matched, else 0. */
    record Hit(String postId, String topicId, String communityId, int position, boolean opening, String authorId, boolean hidden,
            String contentWarning, long createdAt, double score) {
    }
}
