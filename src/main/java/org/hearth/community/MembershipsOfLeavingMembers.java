package org.hearth.community;

import static org.hearth.community.Communities.INVITATIONS;
import static org.hearth.community.Communities.I_BY;
import static org.hearth.community.Communities.I_MEMBER;
import static org.hearth.community.Communities.MEMBERSHIPS;
import static org.hearth.community.Communities.M_COMMUNITY;
import static org.hearth.community.Communities.M_MEMBER;
import static org.hearth.community.Communities.M_ROLE;
import static org.hearth.community.Communities.NAME;
import static org.hearth.community.Communities.COMMUNITIES;
import static org.hearth.community.Communities.ID;
import static org.hearth.community.Communities.REQUESTS;
import static org.hearth.community.Communities.R_MEMBER;

import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.table;

import java.util.List;
import org.hearth.identity.AccountDeletionRefused;
import org.hearth.identity.MemberLeaving;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** When a member deletes their account, their memberships, requests and invitations go with it. */
@Component
class MembershipsOfLeavingMembers {

    private static final Table<Record> OTHER = table(name("memberships")).as("other");
    private static final Field<String> OTHER_COMMUNITY = field(name("other", "community_id"), String.class);
    private static final Field<String> OTHER_MEMBER = field(name("other", "member_id"), String.class);
    private static final Field<String> OTHER_ROLE = field(name("other", "role"), String.class);

    private final DSLContext db;

    MembershipsOfLeavingMembers(DSLContext db) {
        this.db = db;
    }

    @EventListener
    void erase(MemberLeaving leaving) {
        String member = leaving.memberId();
        List<String> soleOwnerOf = db.select(NAME).from(COMMUNITIES).join(MEMBERSHIPS).on(M_COMMUNITY.eq(ID))
                .where(M_MEMBER.eq(member), M_ROLE.eq(Role.OWNER.name()))
                .andNotExists(db.selectOne().from(OTHER)
                        .where(OTHER_COMMUNITY.eq(ID), OTHER_ROLE.eq(Role.OWNER.name()), OTHER_MEMBER.ne(member)))
                .fetch(NAME);
        if (!soleOwnerOf.isEmpty()) {
            throw new AccountDeletionRefused("You are the only owner of " + String.join(", ", soleOwnerOf)
                    + ". Make another member an owner there first, so the community is not left without one.");
        }
        db.deleteFrom(MEMBERSHIPS).where(M_MEMBER.eq(member)).execute();
        db.deleteFrom(REQUESTS).where(R_MEMBER.eq(member)).execute();
        db.deleteFrom(INVITATIONS).where(I_MEMBER.eq(member).or(I_BY.eq(member))).execute();
    }
}
