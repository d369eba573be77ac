package org.hearth.conversation;

import java.util.Set;

/**
 * What a signed-in reader chose not to see: the members they blocked, whose posts fold for them
 * on topic pages, and the topics they muted, which leave their topic lists. Another feature
 * keeps these choices and implements this interface as a Spring bean; conversation only asks,
 * so the dependency points from that feature to conversation, never back. Without such a bean
 * nothing folds and nothing is muted.
 *
 * <p>It is asked <em>once</em> per page (a topic page, a topic list, a live stream when it
 * opens), never once per post: answer with one query. The topic page's number of queries is
 * bounded by a test.
 *
 * <p>Anonymous posts never fold by their author, even when the reader blocked whoever wrote
 * them: a fold would tell the reader who wrote the post, which nothing may do.
 *
 * <p>The topic page offers muting and unmuting with forms that post to
 * {@code /c/{slug}/t/{topicId}/mute} and {@code /unmute}: the implementing feature answers them.
 */
public interface ReadersChoices {

    /** This reader's choices; {@link Choices#NONE} when they made none. */
    Choices of(String readerId);

    /** Authors whose posts fold for the reader, and topics left out of their lists. */
    record Choices(Set<String> blockedAuthors, Set<String> mutedTopics) {

        public static final Choices NONE = new Choices(Set.of(), Set.of());

        public Choices {
            blockedAuthors = Set.copyOf(blockedAuthors);
            mutedTopics = Set.copyOf(mutedTopics);
        }
    }
}
