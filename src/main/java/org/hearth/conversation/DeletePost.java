package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.POST_REVISIONS;
import static org.hearth.conversation.schema.Tables.REACTIONS;
import static org.hearth.conversation.schema.Tables.TOPICS;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations.Location;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A member deletes their own post for real: its text, its earlier versions and its reactions
 * are erased. A marker stays in its place so the replies around it still make sense. A member
 * who left the community may still delete what they wrote there, even where they may no longer
 * read it (a members-only community); of a hidden one, they no longer learn even its address.
 */
@Service
public class DeletePost {

    public record Input(Access access, Viewer author, String postId) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member deletes");
        }
    }

    public sealed interface Outcome {
        record Deleted(Location location) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        record NotYourPost(Location location) implements Outcome {
        }

        record AlreadyDeleted(Location location) implements Outcome {
        }
    }

    private final DSLContext db;
    private final Conversations conversations;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    DeletePost(DSLContext db, Conversations conversations, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.conversations = conversations;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Record> found = conversations.postInCommunity(input.access(), input.postId())
                .or(() -> conversations.ownPostInCommunity(input.access(), input.postId(), input.author().memberId()));
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Record post = found.get();
        Location location = Conversations.location(post);
        return theirs(post, input.author(), location)
                .or(() -> notDeleted(post, location))
                .orElseGet(() -> delete(input, post, location));
    }

    private static Optional<Outcome> theirs(Record post, Viewer author, Location location) {
        return author.memberId().equals(post.get(POSTS.AUTHOR_ID)) ? Optional.empty()
                : Optional.of(new Outcome.NotYourPost(location));
    }

    private static Optional<Outcome> notDeleted(Record post, Location location) {
        return post.get(POSTS.DELETED_AT) == null ? Optional.empty() : Optional.of(new Outcome.AlreadyDeleted(location));
    }

    private Outcome delete(Input input, Record post, Location location) {
        String postId = input.postId();
        db.deleteFrom(POST_REVISIONS).where(POST_REVISIONS.POST_ID.eq(postId)).execute();
        db.deleteFrom(REACTIONS).where(REACTIONS.POST_ID.eq(postId)).execute();
        db.update(POSTS).set(POSTS.BODY_SOURCE, "").set(POSTS.BODY_HTML, "").set(POSTS.CONTENT_WARNING, (String) null)
                .set(POSTS.DELETED_AT, clock.millis()).where(POSTS.ID.eq(postId)).execute();
        if (Boolean.TRUE.equals(post.get(POSTS.OPENING))) {
            db.update(TOPICS).set(TOPICS.TITLE, Conversations.DELETED_TITLE).where(TOPICS.ID.eq(post.get(POSTS.TOPIC_ID))).execute();
        }
        events.publishEvent(new PostDeleted(input.access().community().id(), post.get(POSTS.TOPIC_ID), postId,
                post.get(POSTS.AUTHOR_ID), Boolean.TRUE.equals(post.get(POSTS.ANONYMOUS))));
        return new Outcome.Deleted(location);
    }
}
