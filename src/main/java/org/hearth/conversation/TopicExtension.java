package org.hearth.conversation;

import gg.jte.Content;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;

/**
 * What another feature shows on a topic page as a whole, between the opening post and the
 * replies: a decision's options side by side. Like {@link PostExtension}, a Spring bean the
 * topic page asks (in {@link org.springframework.core.annotation.Order @Order}), answering with
 * content rendered by the feature's own templates; conversation knows none of them.
 *
 * <p>Asked only on the page that shows the opening post, and only when the reader may see that
 * post (not when it is hidden from them pending review): what a topic adds is its author's, and
 * is concealed with it. It is asked once per page, for the reader who loads it; nothing of it
 * reaches live readers.
 */
public interface TopicExtension {

    /** What to show above the replies; empty when nothing. */
    default Optional<Content> aboveReplies(TopicShown topic) {
        return Optional.empty();
    }

    /**
     * What to offer a member of the community at the top of every page of the topic, beside
     * muting it (following its replies, say); empty when nothing. Asked only for a signed-in
     * member who may read the topic, once per page, and never for live readers.
     */
    default Optional<Content> forMember(TopicShown topic) {
        return Optional.empty();
    }

    /**
     * The topic as its reader sees it.
     *
     * @param viewer the signed-in reader, or null
     * @param startedByReader the reader wrote the opening post (anonymously or not)
     * @param parameters the page's query parameters, for what the extension lets a reader choose
     *        on it (which option to show on a phone, say), by name
     */
    record TopicShown(Access access, Viewer viewer, String topicId, TopicKind kind, boolean locked, boolean startedByReader,
            Map<String, List<String>> parameters) {

        public TopicShown {
            Objects.requireNonNull(access);
            parameters = Map.copyOf(parameters);
        }

        /** The first value of a query parameter, or null. */
        public String parameter(String name) {
            List<String> values = parameters.get(name);
            return values == null || values.isEmpty() ? null : values.getFirst();
        }
    }
}
