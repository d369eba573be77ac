package org.hearth.trust;

import static org.hearth.trust.schema.Tables.TRUST_CHANGES;
import static org.hearth.trust.schema.Tables.TRUST_STANDINGS;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hearth.community.CommunityNames;
import org.hearth.community.CommunityNames.Named;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A member's standing in each community and the levels moderators set for them: in their
 * download (which moderator set a level is left out, as the pages leave it out), and gone with
 * their account. A moderator who deletes their account leaves the levels they set in place,
 * without their name. Erased before conversations and communities, which trust points at.
 */
@Component
@Order(50)
class TrustOfAMember implements MemberData {

    private final DSLContext db;
    private final CommunityNames communities;

    TrustOfAMember(DSLContext db, CommunityNames communities) {
        this.db = db;
        this.communities = communities;
    }

    @Override
    public String section() {
        return "trust";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(TRUST_STANDINGS, TRUST_CHANGES);
    }

    record Section(List<Standing> standings, List<Change> levelsSetForYou) {
    }

    /** {@code setLevel}: the level a moderator holds you at, or null when it follows what you did. */
    record Standing(Named community, int daysVisited, String setLevel) {
    }

    record Change(Named community, String from, String to, String reason, Instant at) {
    }

    @Override
    public Object export(String memberId) {
        var standings = db.select(TRUST_STANDINGS.COMMUNITY_ID, TRUST_STANDINGS.DAYS_VISITED, TRUST_STANDINGS.SET_LEVEL)
                .from(TRUST_STANDINGS).where(TRUST_STANDINGS.MEMBER_ID.eq(memberId)).orderBy(TRUST_STANDINGS.COMMUNITY_ID).fetch();
        var changes = db.select(TRUST_CHANGES.COMMUNITY_ID, TRUST_CHANGES.FROM_LEVEL, TRUST_CHANGES.TO_LEVEL, TRUST_CHANGES.REASON,
                        TRUST_CHANGES.CHANGED_AT)
                .from(TRUST_CHANGES).where(TRUST_CHANGES.MEMBER_ID.eq(memberId)).orderBy(TRUST_CHANGES.CHANGED_AT).fetch();
        Set<String> ids = new HashSet<>(standings.getValues(TRUST_STANDINGS.COMMUNITY_ID));
        ids.addAll(changes.getValues(TRUST_CHANGES.COMMUNITY_ID));
        Map<String, Named> named = communities.byId(ids);
        return new Section(
                standings.map(r -> new Standing(named.get(r.value1()), r.value2(),
                        r.value3() == null ? null : TrustLevel.ofNumber(r.value3()).label())),
                changes.map(r -> new Change(named.get(r.value1()), TrustLevel.ofNumber(r.value2()).label(),
                        r.value3() == null ? "as earned" : TrustLevel.ofNumber(r.value3()).label(), r.value4(),
                        Instant.ofEpochMilli(r.value5()))));
    }

    @Override
    public void erase(String memberId) {
        db.deleteFrom(TRUST_CHANGES).where(TRUST_CHANGES.MEMBER_ID.eq(memberId)).execute();
        db.update(TRUST_CHANGES).setNull(TRUST_CHANGES.CHANGED_BY).where(TRUST_CHANGES.CHANGED_BY.eq(memberId)).execute();
        db.deleteFrom(TRUST_STANDINGS).where(TRUST_STANDINGS.MEMBER_ID.eq(memberId)).execute();
    }
}
