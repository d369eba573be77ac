package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.TOPICS;

import java.util.Objects;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.community.Audience;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.springframework.stereotype.Service;

/** A member starts a topic in their community. */
@Service
public class StartTopic {

    /**
     * @param shown who the writer was told would read the post; null when the page said nothing
     * @param submission the form's one-time key ({@link org.hearth.platform.db.Submissions}); null when it sent none
     * @param with what another feature stores with the topic, in its transaction; null when nothing
     */
    public record Input(Access access, Viewer author, Draft draft, Audience shown, String submission, StoredWith with) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(author, "only a signed-in member writes");
            Objects.requireNonNull(draft.kind());
            Objects.requireNonNull(draft.title());
        }

        public Input(Access access, Viewer author, Draft draft, Audience shown, String submission) {
            this(access, author, draft, shown, submission, null);
        }

        public Input(Access access, Viewer author, Draft draft, Audience shown) {
            this(access, author, draft, shown, null, null);
        }

        public Input(Access access, Viewer author, Draft draft) {
            this(access, author, draft, null, null, null);
        }
    }

    public sealed interface Outcome {
        /** {@code held}: it waits for a moderator before others see it (the community holds new members' posts). */
        record Started(String topicId, boolean held) implements Outcome {
        }

        /** The same form was sent before and stored this topic: nothing is stored again. */
        record AlreadySaved(String topicId) implements Outcome {
        }

        record NotAMember() implements Outcome {
        }

        /** The community opened up while they wrote: nothing is stored; {@code now} is who would read it. */
        record AudienceWidened(Audience now) implements Outcome {
        }

        /** A limit on what this member may post now ({@link WritingLimits}): nothing is stored; {@code why} in words. */
        record OverLimit(String why) implements Outcome {
        }
    }

    private final PostWriting writing;

    StartTopic(PostWriting writing) {
        this.writing = writing;
    }

    public Outcome run(Input input) {
        Optional<Outcome> refused = aMember(input.access());
        if (refused.isPresent()) {
            return refused.get();
        }
        return writing.withSafeHtml(input.access(), input.author().memberId(), input.draft().body(),
                (html, mentioned) -> start(input, html, mentioned));
    }

    /**
     * The topic this submission stored, if it was stored: asked when writing failed in a way
     * that leaves unknown whether it committed (a connection lost during the commit).
     */
    public Optional<Outcome.AlreadySaved> savedEarlier(Input input) {
        return writing.storedBy(input.author().memberId(), input.submission())
                .flatMap(postId -> writing.conversations.locate(input.access(), postId))
                .map(location -> new Outcome.AlreadySaved(location.topicId()));
    }

    private static Optional<Outcome> aMember(Access access) {
        return access.canPost() ? Optional.empty() : Optional.of(new Outcome.NotAMember());
    }

    private Outcome start(Input input, String html, java.util.Set<String> mentioned) {
        Access access = input.access();
        String memberId = input.author().memberId();
        // a post deleted since is not found: the form sent again then stores it anew
        Optional<Conversations.Location> earlier = writing.storedBefore(memberId, input.submission())
                .flatMap(postId -> writing.conversations.locate(access, postId));
        if (earlier.isPresent()) {
            return new Outcome.AlreadySaved(earlier.get().topicId());
        }
        Optional<Audience> widened = writing.widenedSince(access.community().id(), input.shown());
        if (widened.isPresent()) {
            writing.refused(memberId, input.submission());
            return new Outcome.AudienceWidened(widened.get());
        }
        Draft draft = input.draft();
        var writes = new WritingLimits.Writing(access, memberId, draft, true, false);
        Optional<String> overLimit = writing.overLimit(writes);
        if (overLimit.isPresent()) {
            writing.refused(memberId, input.submission());
            return new Outcome.OverLimit(overLimit.get());
        }
        String topicId = RandomId.next();
        long now = writing.clock.millis();
        writing.db.insertInto(TOPICS).set(TOPICS.ID, topicId).set(TOPICS.COMMUNITY_ID, access.community().id())
                .set(TOPICS.KIND, draft.kind().name()).set(TOPICS.TITLE, draft.title().strip())
                .set(TOPICS.CREATED_AT, now).set(TOPICS.LAST_ACTIVITY_AT, now).set(TOPICS.REPLY_COUNT, 0).execute();
        var post = writing.conversations.insertPost(access, topicId, 0, input.author(), draft, html, now);
        if (input.with() != null) {
            input.with().store(topicId, post.id());
        }
        writing.stored(memberId, input.submission(), post.id());
        boolean held = writing.heldIfAsked(writes, post.id());
        writing.events.publishEvent(new TopicStarted(access.community().id(), topicId, post.id(), input.author().memberId(),
                post.anonymous(), draft.kind()));
        writing.mentioned(access, topicId, post.id(), memberId, post.anonymous(), mentioned, java.util.Set.of());
        return new Outcome.Started(topicId, held);
    }
}
