package org.hearth.notification;

import static org.hearth.notification.schema.Tables.TOPIC_FOLLOWERS;

import java.time.Clock;
import java.util.Objects;
import org.hearth.community.Access;
import org.hearth.conversation.Conversations;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * A member chooses to hear about a topic's new replies, or stops. Writing in a topic follows it,
 * unless the member stopped: then it stays stopped until they follow it again.
 */
@Service
public class FollowTopic {

    /** {@code follow}: true to hear about its replies, false to stop. */
    public record Input(Access access, Viewer member, String topicId, boolean follow) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(member, "only a signed-in member follows");
        }
    }

    public sealed interface Outcome {
        record Following(String topicId) implements Outcome {
        }

        record Stopped(String topicId) implements Outcome {
        }

        /** Only members hear about a community's topics. */
        record NotAMember() implements Outcome {
        }

        /** No such topic in this community: answered like a missing page. */
        record NoSuchTopic() implements Outcome {
        }
    }

    private final DSLContext db;
    private final Clock clock;
    private final Conversations conversations;

    FollowTopic(DSLContext db, Clock clock, Conversations conversations) {
        this.db = db;
        this.clock = clock;
        this.conversations = conversations;
    }

    public Outcome run(Input input) {
        if (!input.access().member()) {
            return new Outcome.NotAMember();
        }
        if (conversations.latestPosition(input.access(), input.topicId()).isEmpty()) {
            return new Outcome.NoSuchTopic();
        }
        boolean stopped = !input.follow();
        db.insertInto(TOPIC_FOLLOWERS).set(TOPIC_FOLLOWERS.TOPIC_ID, input.topicId()).set(TOPIC_FOLLOWERS.MEMBER_ID, input.member().memberId())
                .set(TOPIC_FOLLOWERS.STOPPED, stopped).set(TOPIC_FOLLOWERS.SINCE, clock.millis())
                .onConflict(TOPIC_FOLLOWERS.TOPIC_ID, TOPIC_FOLLOWERS.MEMBER_ID).doUpdate()
                .set(TOPIC_FOLLOWERS.STOPPED, stopped).set(TOPIC_FOLLOWERS.SINCE, clock.millis()).execute();
        return stopped ? new Outcome.Stopped(input.topicId()) : new Outcome.Following(input.topicId());
    }

    /** Whether a member hears of a topic's new replies: following it, stopped by their choice, or neither yet. */
    public enum Following {
        FOLLOWING, STOPPED, NOT_YET
    }

    /** One primary-key lookup, for the topic page's button. */
    public Following of(Viewer member, String topicId) {
        Boolean stopped = db.select(TOPIC_FOLLOWERS.STOPPED).from(TOPIC_FOLLOWERS)
                .where(TOPIC_FOLLOWERS.TOPIC_ID.eq(topicId), TOPIC_FOLLOWERS.MEMBER_ID.eq(member.memberId())).fetchOne(TOPIC_FOLLOWERS.STOPPED);
        return stopped == null ? Following.NOT_YET : stopped ? Following.STOPPED : Following.FOLLOWING;
    }
}
