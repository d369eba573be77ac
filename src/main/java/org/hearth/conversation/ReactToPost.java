package org.hearth.conversation;

import static org.hearth.conversation.schema.Tables.POSTS;
import static org.hearth.conversation.schema.Tables.REACTIONS;

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
 * A member gives a reaction to a post, or takes it back. The form says which of the two the
 * member meant (the page showed the reaction as given or not), so the same form sent twice (a
 * double tap, the browser sending it again) gives it once rather than giving and taking back.
 */
@Service
public class ReactToPost {

    /** @param give true to give, false to take back; null to turn it the other way from how it is now */
    public record Input(Access access, Viewer member, String postId, ReactionKind kind, Boolean give) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(member, "only a signed-in member reacts");
            Objects.requireNonNull(kind);
        }

        public Input(Access access, Viewer member, String postId, ReactionKind kind) {
            this(access, member, postId, kind, null);
        }
    }

    public sealed interface Outcome {
        record Given(Location location) implements Outcome {
        }

        record TakenBack(Location location) implements Outcome {
        }

        record NotFound() implements Outcome {
        }

        /** Readers who are not members (of a public community) may read but not react. */
        record NotAMember(Location location) implements Outcome {
        }

        record PostDeleted(Location location) implements Outcome {
        }
    }

    private final DSLContext db;
    private final Conversations conversations;
    private final ApplicationEventPublisher events;

    ReactToPost(DSLContext db, Conversations conversations, ApplicationEventPublisher events) {
        this.db = db;
        this.conversations = conversations;
        this.events = events;
    }

    @Transactional
    public Outcome run(Input input) {
        Optional<Record> found = conversations.postInCommunity(input.access(), input.postId());
        if (found.isEmpty()) {
            return new Outcome.NotFound();
        }
        Record post = found.get();
        if (post.get(POSTS.HIDDEN_WHY) != null && !input.access().canModerate()
                && !input.member().memberId().equals(post.get(POSTS.AUTHOR_ID))) {
            return new Outcome.NotFound(); // a hidden post is not there for them: nothing to react to
        }
        Location location = Conversations.location(post);
        return aMember(input.access(), location)
                .or(() -> notDeleted(post, location))
                .orElseGet(() -> toggle(input, post, location));
    }

    private static Optional<Outcome> aMember(Access access, Location location) {
        return access.canPost() ? Optional.empty() : Optional.of(new Outcome.NotAMember(location));
    }

    private static Optional<Outcome> notDeleted(Record post, Location location) {
        return post.get(POSTS.DELETED_AT) == null ? Optional.empty() : Optional.of(new Outcome.PostDeleted(location));
    }

    private Outcome toggle(Input input, Record post, Location location) {
        String member = input.member().memberId();
        String kind = input.kind().name();
        String communityId = input.access().community().id();
        String author = post.get(POSTS.AUTHOR_ID);
        boolean anonymous = Boolean.TRUE.equals(post.get(POSTS.ANONYMOUS));
        if (!Boolean.TRUE.equals(input.give())) {
            int removed = db.deleteFrom(REACTIONS)
                    .where(REACTIONS.POST_ID.eq(input.postId()), REACTIONS.MEMBER_ID.eq(member), REACTIONS.KIND.eq(kind)).execute();
            if (removed > 0) {
                events.publishEvent(new ReactionTakenBack(communityId, input.postId(), author, anonymous, member, input.kind()));
            }
            if (removed > 0 || Boolean.FALSE.equals(input.give())) {
                return new Outcome.TakenBack(location);
            }
        }
        int added = db.insertInto(REACTIONS).set(REACTIONS.POST_ID, input.postId()).set(REACTIONS.MEMBER_ID, member)
                .set(REACTIONS.KIND, kind).onConflictDoNothing().execute();
        if (added > 0) {
            events.publishEvent(new ReactionGiven(communityId, input.postId(), author, anonymous, member, input.kind()));
        }
        return new Outcome.Given(location);
    }
}
