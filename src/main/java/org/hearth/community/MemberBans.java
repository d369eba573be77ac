package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITY_BANS;
import static org.hearth.community.schema.Tables.INVITATIONS;
import static org.hearth.community.schema.Tables.JOIN_REQUESTS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;

import java.time.Clock;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

/**
 * Bans from a community, for the moderation feature's decisions: a banned member's membership
 * ends (their live pages close as when they leave) and they may not join, ask or be invited
 * again until the ban is lifted. Runs in the caller's transaction. An owner is never banned:
 * ownership is handed over first.
 */
@Service
public class MemberBans {

    private final DSLContext db;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    MemberBans(DSLContext db, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.clock = clock;
        this.events = events;
    }

    /** Bans a member who is not an owner; false when they are an owner (or already banned). */
    public boolean ban(String communityId, String memberId) {
        var role = db.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId)).fetchOptional(MEMBERSHIPS.ROLE);
        if (role.filter(Role.OWNER.name()::equals).isPresent()) {
            return false;
        }
        int banned = db.insertInto(COMMUNITY_BANS).set(COMMUNITY_BANS.COMMUNITY_ID, communityId).set(COMMUNITY_BANS.MEMBER_ID, memberId)
                .set(COMMUNITY_BANS.BANNED_AT, clock.millis()).onConflictDoNothing().execute();
        db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId), JOIN_REQUESTS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(INVITATIONS).where(INVITATIONS.COMMUNITY_ID.eq(communityId), INVITATIONS.MEMBER_ID.eq(memberId)).execute();
        if (db.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute() == 1) {
            events.publishEvent(new MemberLeft(communityId, memberId, role.map(Communities::roleOf).orElse(null)));
        }
        return banned == 1;
    }

    /** Lifts a ban: they may join again as anyone may (their membership is not given back by itself). */
    public boolean lift(String communityId, String memberId) {
        return db.deleteFrom(COMMUNITY_BANS).where(COMMUNITY_BANS.COMMUNITY_ID.eq(communityId), COMMUNITY_BANS.MEMBER_ID.eq(memberId))
                .execute() == 1;
    }

    boolean banned(String communityId, String memberId) {
        return db.fetchExists(COMMUNITY_BANS, COMMUNITY_BANS.COMMUNITY_ID.eq(communityId), COMMUNITY_BANS.MEMBER_ID.eq(memberId));
    }
}
