package org.hearth.community;

import static org.hearth.community.schema.Tables.MEMBERSHIPS;

import org.jooq.DSLContext;
import org.springframework.stereotype.Service;

/**
 * Mutes and suspensions, kept on the membership they restrict. Decided elsewhere (the review
 * queue's use case checks who may decide and records why); this only writes them, in the
 * caller's transaction. {@link Access#canPost()} reads them.
 */
@Service
public class MemberRestrictions {

    private final DSLContext db;

    MemberRestrictions(DSLContext db) {
        this.db = db;
    }

    /** Mutes or suspends a member until a time; false when they are not a member (any more). */
    public boolean restrict(String communityId, String memberId, Access.Restriction.Kind kind, long until) {
        var column = kind == Access.Restriction.Kind.MUTED ? MEMBERSHIPS.MUTED_UNTIL : MEMBERSHIPS.SUSPENDED_UNTIL;
        return db.update(MEMBERSHIPS).set(column, until)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /**
     * Lifts a mute or suspension that ends at {@code until}; a later one, set since by another
     * decision, stays. False when there was none such to lift.
     */
    public boolean lift(String communityId, String memberId, Access.Restriction.Kind kind, long until) {
        var column = kind == Access.Restriction.Kind.MUTED ? MEMBERSHIPS.MUTED_UNTIL : MEMBERSHIPS.SUSPENDED_UNTIL;
        return db.update(MEMBERSHIPS).setNull(column)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId), column.eq(until)).execute() == 1;
    }
}
