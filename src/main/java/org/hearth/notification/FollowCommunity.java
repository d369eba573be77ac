package org.hearth.notification;

import static org.hearth.notification.schema.Tables.COMMUNITY_FOLLOWERS;

import java.time.Clock;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/** A member chooses to hear about every new topic of a community they belong to, or stops. */
@Service
public class FollowCommunity {

    /** {@code follow}: true to hear about its new topics, false to stop. */
    public record Input(Access access, Viewer member, boolean follow) {
        public Input {
            Objects.requireNonNull(access);
            Objects.requireNonNull(member, "only a signed-in member follows");
        }
    }

    public sealed interface Outcome {
        record Following(String communityName) implements Outcome {
        }

        record Stopped(String communityName) implements Outcome {
        }

        /** Only members hear about a community's topics. */
        record NotAMember() implements Outcome {
        }
    }

    private final DSLContext db;
    private final Clock clock;

    FollowCommunity(DSLContext db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Outcome run(Input input) {
        if (!input.access().member()) {
            return new Outcome.NotAMember();
        }
        String communityId = input.access().community().id();
        String name = input.access().community().name();
        if (input.follow()) {
            db.insertInto(COMMUNITY_FOLLOWERS).set(COMMUNITY_FOLLOWERS.COMMUNITY_ID, communityId)
                    .set(COMMUNITY_FOLLOWERS.MEMBER_ID, input.member().memberId()).set(COMMUNITY_FOLLOWERS.SINCE, clock.millis())
                    .onConflictDoNothing().execute();
            return new Outcome.Following(name);
        }
        db.deleteFrom(COMMUNITY_FOLLOWERS).where(COMMUNITY_FOLLOWERS.COMMUNITY_ID.eq(communityId),
                COMMUNITY_FOLLOWERS.MEMBER_ID.eq(input.member().memberId())).execute();
        return new Outcome.Stopped(name);
    }

    /** The communities whose new topics the member hears about. */
    public Set<String> followedBy(Viewer member) {
        return db.select(COMMUNITY_FOLLOWERS.COMMUNITY_ID).from(COMMUNITY_FOLLOWERS)
                .where(COMMUNITY_FOLLOWERS.MEMBER_ID.eq(member.memberId())).fetch(COMMUNITY_FOLLOWERS.COMMUNITY_ID)
                .stream().collect(Collectors.toSet());
    }
}
