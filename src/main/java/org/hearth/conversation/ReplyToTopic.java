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

    /**
     * @param shown who the writer was told would read the reply; null when the page said nothing
     * @param submission the form's one-time key ({@link org.hearth.platform.db.Submissions}); null when it sent none
     * @param with what another feature stores with the reply, in its transaction; null when nothing
     */
    public record Input(Access access, Viewer author, String topicId, Draft draft, Audience shown, String submission,
            StoredWith with) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
        }

        public Input(Access access, Viewer author, String topicId, Draft draft, Audience shown, String submission) {
            this(access, author, topicId, draft, shown, submission, null);
        }

        public Input(Access access, Viewer author, String topicId, Draft draft, Audience shown) {
            this(access, author, topicId, draft, shown, null, null);
        }

        public Input(Access access, Viewer author, String topicId, Draft draft) {
            this(access, author, topicId, draft, null, null, null);
        }
    }

    public sealed interface Outcome {
        /** {@code held}: it waits for a moderator before others see it (the community holds new members' posts). */
        record Replied(Location location, boolean held) implements Outcome {
        }

        /** The same form was sent before and stored this reply: nothing is stored again. */
        record AlreadySaved(Location location) implements Outcome {
        }

        record NotAMember() implements Outcome {
        }

        /** A moderator locked the topic: it takes no new replies (but from moderators). */
        record Locked() implements Outcome {
        }

        /** No such topic in this community. */
        record NoSuchTopic() implements Outcome {
        }

        /** The community opened up while they wrote: nothing is stored; {@code now} is who would read it. */
        record AudienceWidened(Audience now) implements Outcome {
        }

        /** A limit on what this member may post now ({@link WritingLimits}): nothing is stored; {@code why} in words. */
        record OverLimit(String why) implements Outcome {
        }
    }

    private final PostWriting writing;

    ReplyToTopic(PostWriting writing) {
        this.writing = writing;
    }

    public Outcome run(Input input) {
        return aMember(input.access())
                .orElseGet(() -> writing.withSafeHtml(input.access(), input.author().memberId(), input.draft().body(),
                        (html, mentioned) -> reply(input, html, mentioned)));
    }

    /**
     * The reply this submission stored, if it was stored: asked when writing failed in a way
     * that leaves unknown whether it committed (a connection lost during the commit).
     */
    public Optional<Outcome.AlreadySaved> savedEarlier(Input input) {
        return writing.storedBy(input.author().memberId(), input.submission())
                .flatMap(postId -> writing.conversations.locate(input.access(), postId))
                .map(Outcome.AlreadySaved::new);
    }

    private static Optional<Outcome> aMember(Access access) {
        return access.canPost() ? Optional.empty() : Optional.of(new Outcome.NotAMember());
    }

    private Outcome reply(Input input, String html, java.util.Set<String> mentioned) {
        Access access = input.access();
        String memberId = input.author().memberId();
        // a reply deleted since is not found: the form sent again then stores it anew
        Optional<Location> earlier = writing.storedBefore(memberId, input.submission())
                .flatMap(postId -> writing.conversations.locate(access, postId));
        if (earlier.isPresent()) {
            return new Outcome.AlreadySaved(earlier.get());
        }
        Optional<Audience> widened = writing.widenedSince(access.community().id(), input.shown());
        if (widened.isPresent()) {
            writing.refused(memberId, input.submission());
            return new Outcome.AudienceWidened(widened.get());
        }
        var writes = new WritingLimits.Writing(access, memberId, input.draft(), false, false);
        Optional<String> overLimit = writing.overLimit(writes);
        if (overLimit.isPresent()) {
            writing.refused(memberId, input.submission());
            return new Outcome.OverLimit(overLimit.get());
        }
        long now = writing.clock.millis();
        // Counting the reply first locks the topic's row, so concurrent replies get distinct positions;
        // it is also the check that the topic is one of this community's (one statement, not two).
        var counted = writing.db.update(TOPICS).set(TOPICS.REPLY_COUNT, TOPICS.REPLY_COUNT.plus(1))
                .set(TOPICS.LAST_ACTIVITY_AT, greatest(TOPICS.LAST_ACTIVITY_AT, val(now)))
                .where(TOPICS.ID.eq(input.topicId()), TOPICS.COMMUNITY_ID.eq(access.community().id()),
                        access.canModerate() ? org.jooq.impl.DSL.noCondition() : TOPICS.LOCKED_AT.isNull())
                .returningResult(TOPICS.REPLY_COUNT).fetchOptional();
        if (counted.isEmpty()) {
            writing.refused(memberId, input.submission());
            boolean locked = writing.db.fetchExists(TOPICS, TOPICS.ID.eq(input.topicId()),
                    TOPICS.COMMUNITY_ID.eq(access.community().id()), TOPICS.LOCKED_AT.isNotNull());
            return locked ? new Outcome.Locked() : new Outcome.NoSuchTopic(); // nothing written
        }
        int position = counted.get().value1();
        var post = writing.conversations.insertPost(access, input.topicId(), position, input.author(), input.draft(), html, now);
        if (input.with() != null) {
            input.with().store(input.topicId(), post.id());
        }
        writing.stored(memberId, input.submission(), post.id());
        boolean held = writing.heldIfAsked(writes, post.id());
        writing.events.publishEvent(new ReplyPosted(access.community().id(), input.topicId(), post.id(), position,
                input.author().memberId(), post.anonymous()));
        writing.mentioned(access, input.topicId(), post.id(), memberId, post.anonymous(), mentioned, java.util.Set.of());
        return new Outcome.Replied(Conversations.location(input.topicId(), position, post.id()), held);
    }
}
