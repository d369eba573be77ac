package org.hearth.conversation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.hearth.community.Audience;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.db.Submissions;

/**
 * Forms for writing; the messages are shown next to the field, and what was typed stays. The
 * forms for new posts send back, as {@code audience}, the key of who they told the writer would
 * read the post ({@link Audience#key()}), so a post is never stored for a wider audience than that,
 * and as {@code submission} a one-time key made when the empty form is shown and kept when it
 * comes back with errors, so the same post sent twice is stored once ({@link Submissions}).
 */
public final class PostForms {

    private PostForms() {
    }

    public static final int MAX_BODY = 20_000;

    public record NewTopic(
            @NotNull(message = "Choose what kind of topic this is.")
            TopicKind kind,
            @NotBlank(message = "Give your topic a title, so others can find it.")
            @Size(max = 200, message = "Keep the title under 200 characters.")
            String title,
            @NotBlank(message = "Write something before you post.")
            @Size(max = MAX_BODY, message = "Posts can be up to 20,000 characters; yours has {length}. Split it into a topic and replies.")
            String body,
            @Size(max = 120, message = "Keep the content warning under 120 characters.")
            String contentWarning,
            Boolean anonymous,
            String audience,
            String submission) {

        static NewTopic empty() {
            return new NewTopic(TopicKind.QUESTION, "", "", "", false, null, Submissions.newKey());
        }

        Draft draft() {
            return new Draft(kind, title, body, contentWarning, Boolean.TRUE.equals(anonymous));
        }

        /** What the form showed; a page from before the field was added showed nothing to compare. */
        Audience shown() {
            return Audience.ofKey(audience).orElse(null);
        }

        /** The form's one-time key; a page from before the field was added sent none. */
        String key() {
            return Submissions.keyOf(submission);
        }
    }

    public record Reply(
            @NotBlank(message = "Write something before you reply.")
            @Size(max = MAX_BODY, message = "Posts can be up to 20,000 characters; yours has {length}. Split it into several replies.")
            String body,
            @Size(max = 120, message = "Keep the content warning under 120 characters.")
            String contentWarning,
            Boolean anonymous,
            String audience,
            String submission) {

        static Reply empty() {
            return new Reply("", "", false, null, Submissions.newKey());
        }

        Draft draft() {
            return new Draft(null, null, body, contentWarning, Boolean.TRUE.equals(anonymous));
        }

        Audience shown() {
            return Audience.ofKey(audience).orElse(null);
        }

        String key() {
            return Submissions.keyOf(submission);
        }
    }

    public record Edit(
            @Size(max = 200, message = "Keep the title under 200 characters.")
            String title,
            @NotBlank(message = "A post cannot be empty. To remove it, use Delete instead.")
            @Size(max = MAX_BODY, message = "Posts can be up to 20,000 characters; yours has {length}.")
            String body,
            @Size(max = 120, message = "Keep the content warning under 120 characters.")
            String contentWarning) {

        Draft draft() {
            return new Draft(null, title, body, contentWarning, false);
        }
    }
}
