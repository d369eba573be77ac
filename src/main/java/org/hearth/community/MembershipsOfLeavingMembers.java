package org.hearth.community;


import static org.hearth.community.schema.Tables.COMMUNITIES;
import static org.hearth.community.schema.Tables.INVITATIONS;
import static org.hearth.community.schema.Tables.JOIN_REQUESTS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;

import java.util.List;
import org.hearth.identity.AccountDeletionRefused;
import org.hearth.identity.MemberLeaving;
import org.hearth.community.schema.tables.Memberships;
import org.jooq.DSLContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a member deletes their account, their memberships, requests and invitations go with it. */
@Component
class MembershipsOfLeavingMembers {

    private static final Memberships OTHER = MEMBERSHIPS.as("other");

    private final DSLContext db;

    MembershipsOfLeavingMembers(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void erase(MemberLeaving leaving) {
        String member = leaving.memberId();
        List<String> soleOwnerOf = db.select(COMMUNITIES.NAME).from(COMMUNITIES).join(MEMBERSHIPS).on(MEMBERSHIPS.COMMUNITY_ID.eq(COMMUNITIES.ID))
                .where(MEMBERSHIPS.MEMBER_ID.eq(member), MEMBERSHIPS.ROLE.eq(Role.OWNER.name()))
                .andNotExists(db.selectOne().from(OTHER)
                        .where(OTHER.COMMUNITY_ID.eq(COMMUNITIES.ID), OTHER.ROLE.eq(Role.OWNER.name()), OTHER.MEMBER_ID.ne(member)))
                .fetch(COMMUNITIES.NAME);
        if (!soleOwnerOf.isEmpty()) {
            throw new AccountDeletionRefused("You are the only owner of " + String.join(", ", soleOwnerOf)
                    + ". Make another member an owner there first, so the community is not left without one.");
        }
        db.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.MEMBER_ID.eq(member)).execute();
        db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.MEMBER_ID.eq(member)).execute();
        db.deleteFrom(INVITATIONS).where(INVITATIONS.MEMBER_ID.eq(member).or(INVITATIONS.INVITED_BY.eq(member))).execute();
    }
}
