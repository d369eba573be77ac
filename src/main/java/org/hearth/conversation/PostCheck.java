package org.hearth.conversation;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;

/**
 * A look at a post when its form is sent, before it is stored, by a feature that may have
 * something to show the writer first (crisis resources when the text speaks of self-harm). The
 * feature implements this interface as a Spring bean; the pages that store new topics, replies
 * and edits ask every such bean, and conversation depends on none of them.
 *
 * <p>A check never refuses a post: it may only show a page instead of storing, once. That page
 * sends the same form again, every field as it came (the one-time {@code submission} key too, so
 * the post is still stored once), plus {@link Post#answer() answer}, the writer's choice on it.
 * With an answer, the check lets the post be stored ({@link Verdict.Store}) or sends the writer
 * back to the form with what they typed ({@link Verdict.BackToForm}). The forms themselves never
 * carry an answer, so text changed after going back is looked at again.
 */
public interface PostCheck {

    /** What to do with the post now. Asked on the server each time the form is sent. */
    Verdict check(Post post);

    /**
     * The post was stored, for the first time (not for a form sent again): what the writer
     * answered may now be acted on, e.g. telling the moderators. Not in the post's transaction.
     *
     * @return a sentence for the writer about what was done ("The moderators know."), shown
     *         with the page's own notice, or empty
     */
    default Optional<String> stored(Post post, String postId) {
        return Optional.empty();
    }

    /** Which form was sent. */
    enum Kind {
        TOPIC, REPLY, EDIT
    }

    /**
     * A post as its form was sent.
     *
     * @param access the writer's access to the community
     * @param writer the signed-in writer
     * @param title the topic's title, or null for a reply or an edited reply
     * @param answer what the writer chose on a check's page, or null when the form came from the
     *        writing page itself
     * @param action where the form is sent, to send it again
     * @param fields every field of the form except the answer and the form token, in order, to send
     *        it again as it came
     */
    record Post(Access access, Viewer writer, Kind kind, String title, String body, boolean anonymous, String answer,
            String action, Map<String, String> fields) {

        public Post {
            Objects.requireNonNull(access);
            Objects.requireNonNull(writer);
            fields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public boolean answered() {
            return answer != null && !answer.isBlank();
        }
    }

    /** A check's answer. */
    sealed interface Verdict {

        /** Store the post. */
        record Store() implements Verdict {
        }

        /** Show this page (a view name and its model) instead of storing; the page sends the form again. */
        record Show(String view, Map<String, Object> model) implements Verdict {
            public Show {
                model = Map.copyOf(model);
            }
        }

        /** Store nothing; show the writing form again, with what they typed. */
        record BackToForm() implements Verdict {
        }
    }
}
