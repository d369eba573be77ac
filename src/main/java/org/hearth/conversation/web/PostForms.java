package org.hearth.conversation.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * {@code answer} is never in these forms: it is what the writer chose on the page of a
 * {@link org.hearth.conversation.PostCheck}, which sends the same form again with it.
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
            String submission,
            String answer) {

        static NewTopic empty() {
            return new NewTopic(TopicKind.QUESTION, "", "", "", false, null, Submissions.newKey(), null);
        }

        /** The form as it came, without the answer to a check: shown again for editing. */
        NewTopic unanswered() {
            return new NewTopic(kind, title, body, contentWarning, anonymous, audience, submission, null);
        }

        /** Every field but the answer, to send the form again as it came. */
        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "kind", kind == null ? null : kind.name());
            put(fields, "title", title);
            put(fields, "body", body);
            put(fields, "contentWarning", contentWarning);
            put(fields, "anonymous", Boolean.TRUE.equals(anonymous) ? "true" : null);
            put(fields, "audience", audience);
            put(fields, "submission", submission);
            return fields;
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
            String submission,
            String answer) {

        static Reply empty() {
            return new Reply("", "", false, null, Submissions.newKey(), null);
        }

        Reply unanswered() {
            return new Reply(body, contentWarning, anonymous, audience, submission, null);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "body", body);
            put(fields, "contentWarning", contentWarning);
            put(fields, "anonymous", Boolean.TRUE.equals(anonymous) ? "true" : null);
            put(fields, "audience", audience);
            put(fields, "submission", submission);
            return fields;
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
            String contentWarning,
            String answer) {

        Edit(String title, String body, String contentWarning) {
            this(title, body, contentWarning, null);
        }

        Draft draft() {
            return new Draft(null, title, body, contentWarning, false);
        }

        Edit unanswered() {
            return new Edit(title, body, contentWarning, null);
        }

        Map<String, String> fields() {
            Map<String, String> fields = new LinkedHashMap<>();
            put(fields, "title", title); // sent by the form of an opening post only
            put(fields, "body", body);
            put(fields, "contentWarning", contentWarning);
            return fields;
        }
    }

    private static void put(Map<String, String> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }
}
