package org.hearth.community;


import static org.hearth.community.schema.Tables.COMMUNITIES;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;
import java.util.Optional;
import org.hearth.identity.Responsibilities;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;

/**
 * Moderators and owners decide who joins and who moderates, so their accounts need a second
 * factor: tells identity when a member holds such a role anywhere.
 */
@Component
class ModerationDuties implements Responsibilities {

    private final DSLContext db;

    ModerationDuties(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<String> needingSecondFactor(String memberId) {
        return db.select(COMMUNITIES.NAME, MEMBERSHIPS.ROLE).from(MEMBERSHIPS).join(COMMUNITIES).on(COMMUNITIES.ID.eq(MEMBERSHIPS.COMMUNITY_ID))
                .where(MEMBERSHIPS.MEMBER_ID.eq(memberId), MEMBERSHIPS.ROLE.in(Role.MODERATOR.name(), Role.OWNER.name()))
                .orderBy(COMMUNITIES.NAME).limit(1)
                .fetchOptional(r -> "you " + (Role.OWNER.name().equals(r.get(MEMBERSHIPS.ROLE)) ? "own" : "moderate")
                        + " the community " + r.get(COMMUNITIES.NAME));
    }
}
