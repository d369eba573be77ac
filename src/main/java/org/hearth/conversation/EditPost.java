package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.Record;
import org.springframework.stereotype.Service;

/**
 * A member changes their own post; the version it replaces is kept for moderators. A member who
 * left the community may still change what they wrote there, even where they may no longer read
 * it (a members-only community): their words stay theirs. They reach only their own post.
 */
@Service
public class EditPost {

    /** @param draft the new text; its title is used (and required) only for a topic's opening post */
    public record Input(Access access, Viewer editor, String postId, Draft draft) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(editor, "only a signed-in member edits");
        }
    }

    public sealed interface Outcome {
        record Edited(Location location) implements Outcome {
        }

        /** No such post in a community the editor may read. */
        record NotFound() implements Outcome {
        }

        record NotYourPost(Location location) implements Outcome {
        }

        record AlreadyDeleted(Location location) implements Outcome {
        }

        /**
         * Hidden by a moderator's decision, or hidden after flags and already edited once to ask
         * for another look: it waits for a moderator as it is.
         */
        record WaitsForModerators(Location location) implements Outcome {
        }

        /** The opening post carries the topic's title, and a topic needs one. */
        record TitleMissing() implements Outcome {
        }

        /** A limit on what this member may post now ({@link WritingLimits}): nothing is changed; {@code why} in words. */
        record OverLimit(String why) implements Outcome {
        }
    }

    private final PostWriting writing;

    EditPost(PostWriting writing) {
        this.writing = writing;
    }

    public Outcome run(Input input) {
        return writing.withSafeHtml(input.access(), input.editor().memberId(), input.draft().body(), (html, mentioned) -> {
            Optional<Record> found = writing.conversations.postInCommunity(input.access(), input.postId())
                    .or(() -> writing.conversations.ownPostInCommunity(input.access(), input.postId(), input.editor().memberId()));
            if (found.isEmpty()) {
                return new Outcome.NotFound();
            }
            Record post = found.get();
            Location location = Conversations.location(post);
            return theirs(post, input.editor(), location)
                    .or(() -> notDeleted(post, location))
                    .or(() -> editableWhileHidden(post, location))
                    .or(() -> titled(post, input.draft()))
                    .or(() -> writing.overLimit(new WritingLimits.Writing(input.access(), input.editor().memberId(), input.draft(),
                            false, true)).map(Outcome.OverLimit::new))
                    .orElseGet(() -> edit(input, post, html, mentioned, location));
        });
    }

    private static Optional<Outcome> theirs(Record post, Viewer editor, Location location) {
        return editor.memberId().equals(post.get(POSTS.AUTHOR_ID)) ? Optional.empty()
                : Optional.of(new Outcome.NotYourPost(location));
    }

    private static Optional<Outcome> notDeleted(Record post, Location location) {
        return post.get(POSTS.DELETED_AT) == null ? Optional.empty() : Optional.of(new Outcome.AlreadyDeleted(location));
    }

    /**
     * The author of a post hidden after flags may edit it once: it stays hidden and is marked in
     * the review queue as edited and asking for another look (a moderator, not the edit, shows it
     * again: an edit that only looks harmless must not bring back a real name or a photo).
     */
    private static Optional<Outcome> editableWhileHidden(Record post, Location location) {
        Hidden hidden = Hidden.of(post.get(POSTS.HIDDEN_WHY));
        boolean waits = hidden != null && hidden != Hidden.HELD_FOR_REVIEW
                && (hidden != Hidden.PENDING_REVIEW || post.get(POSTS.HIDDEN_EDITED_AT) != null);
        return waits ? Optional.of(new Outcome.WaitsForModerators(location)) : Optional.empty();
    }

    private static Optional<Outcome> titled(Record post, Draft draft) {
        boolean needsTitle = Boolean.TRUE.equals(post.get(POSTS.OPENING));
        return needsTitle && (draft.title() == null || draft.title().isBlank())
                ? Optional.of(new Outcome.TitleMissing()) : Optional.empty();
    }

    private Outcome edit(Input input, Record post, String html, java.util.Set<String> mentioned, Location location) {
        Draft draft = input.draft();
        boolean opening = Boolean.TRUE.equals(post.get(POSTS.OPENING));
        long now = writing.clock.millis();
        writing.db.insertInto(POST_REVISIONS).set(POST_REVISIONS.ID, RandomId.next()).set(POST_REVISIONS.POST_ID, input.postId())
                .set(POST_REVISIONS.TITLE, opening ? post.get(TOPICS.TITLE) : null)
                .set(POST_REVISIONS.BODY_SOURCE, post.get(POSTS.BODY_SOURCE))
                .set(POST_REVISIONS.CONTENT_WARNING, post.get(POSTS.CONTENT_WARNING))
                .set(POST_REVISIONS.WRITTEN_AT, post.get(POSTS.EDITED_AT) == null ? post.get(POSTS.CREATED_AT) : post.get(POSTS.EDITED_AT))
                .set(POST_REVISIONS.REPLACED_AT, now).execute();
        writing.db.update(POSTS).set(POSTS.BODY_SOURCE, draft.body()).set(POSTS.BODY_HTML, html)
                .set(POSTS.CONTENT_WARNING, Conversations.blankToNull(draft.contentWarning())).set(POSTS.EDITED_AT, now)
                .set(POSTS.HIDDEN_EDITED_AT, post.get(POSTS.HIDDEN_WHY) == null ? null : now)
                .where(POSTS.ID.eq(input.postId())).execute();
        if (opening) {
            writing.db.update(TOPICS).set(TOPICS.TITLE, draft.title().strip()).where(TOPICS.ID.eq(post.get(POSTS.TOPIC_ID))).execute();
        }
        writing.events.publishEvent(new PostEdited(input.access().community().id(), post.get(POSTS.TOPIC_ID), input.postId(),
                post.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(post.get(POSTS.ANONYMOUS))));
        // only those the edit adds are told: the post linked the others already
        writing.mentioned(input.access(), post.get(POSTS.TOPIC_ID), input.postId(), post.get(POSTS.AUTHOR_ID),
                Boolean.TRUE.equals(post.get(POSTS.ANONYMOUS)), mentioned, PostWriting.linkedMembers(post.get(POSTS.BODY_HTML)));
        return new Outcome.Edited(location);
    }
}
