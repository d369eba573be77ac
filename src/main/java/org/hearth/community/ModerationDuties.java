package org.hearth.community;

import static org.hearth.community.Communities.COMMUNITIES;
import static org.hearth.community.Communities.ID;
import static org.hearth.community.Communities.MEMBERSHIPS;
import static org.hearth.community.Communities.M_COMMUNITY;
import static org.hearth.community.Communities.M_MEMBER;
import static org.hearth.community.Communities.M_ROLE;
import static org.hearth.community.Communities.NAME;

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
        return db.select(NAME, M_ROLE).from(MEMBERSHIPS).join(COMMUNITIES).on(ID.eq(M_COMMUNITY))
                .where(M_MEMBER.eq(memberId), M_ROLE.in(Role.MODERATOR.name(), Role.OWNER.name()))
                .orderBy(NAME).limit(1)
                .fetchOptional(r -> "you " + (Role.OWNER.name().equals(r.get(M_ROLE)) ? "own" : "moderate")
                        + " the community " + r.get(NAME));
    }
}
