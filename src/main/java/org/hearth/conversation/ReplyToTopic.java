package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.TOPICS;
import static org.jooq.impl.DSL.greatest;
import static org.jooq.impl.DSL.val;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.conversation.Conversations.Location;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/** A member replies to a topic of their community. */
@Service
public class ReplyToTopic {

    /** @param shown who the writer was told would read the reply; null when the page said nothing */
    public record Input(Access access, Viewer author, String topicId, Draft draft, Audience shown) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
        }

        public Input(Access access, Viewer author, String topicId, Draft draft) {
            this(access, author, topicId, draft, null);
        }
    }

    public sealed interface Outcome {
        record Replied(Location location) implements Outcome {
        }

        record NotAMember() implements Outcome {
        }

        /** No such topic in this community. */
        record NoSuchTopic() implements Outcome {
        }

        /** The community opened up while they wrote: nothing is stored; {@code now} is who would read it. */
        record AudienceWidened(Audience now) implements Outcome {
        }
    }

    private final PostWriting writing;

    ReplyToTopic(PostWriting writing) {
        this.writing = writing;
    }

    public Outcome run(Input input) {
        return aMember(input.access())
                .orElseGet(() -> writing.withSafeHtml(input.draft().body(), html -> reply(input, html)));
    }

    private static Optional<Outcome> aMember(Access access) {
        return access.canPost() ? Optional.empty() : Optional.of(new Outcome.NotAMember());
    }

    private Outcome reply(Input input, String html) {
        Access access = input.access();
        Optional<Audience> widened = writing.widenedSince(access.community().id(), input.shown());
        if (widened.isPresent()) {
            return new Outcome.AudienceWidened(widened.get());
        }
        long now = writing.clock.millis();
        // Counting the reply first locks the topic's row, so concurrent replies get distinct positions;
        // it is also the check that the topic is one of this community's (one statement, not two).
        var counted = writing.db.update(TOPICS).set(TOPICS.REPLY_COUNT, TOPICS.REPLY_COUNT.plus(1))
                .set(TOPICS.LAST_ACTIVITY_AT, greatest(TOPICS.LAST_ACTIVITY_AT, val(now)))
                .where(TOPICS.ID.eq(input.topicId()), TOPICS.COMMUNITY_ID.eq(access.community().id()))
                .returningResult(TOPICS.REPLY_COUNT).fetchOptional();
        if (counted.isEmpty()) {
            return new Outcome.NoSuchTopic(); // nothing written
        }
        int position = counted.get().value1();
        var post = writing.conversations.insertPost(access, input.topicId(), position, input.author(), input.draft(), html, now);
        writing.events.publishEvent(new ReplyPosted(access.community().id(), input.topicId(), post.id(), position,
                input.author().memberId(), post.anonymous()));
        return new Outcome.Replied(Conversations.location(input.topicId(), position, post.id()));
    }
}
