package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITIES;
import static org.hearth.community.schema.Tables.COMMUNITY_BANS;
import static org.hearth.community.schema.Tables.COMMUNITY_RULE_VERSIONS;
import static org.hearth.community.schema.Tables.INVITATIONS;
import static org.hearth.community.schema.Tables.JOIN_REQUESTS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;
import static org.hearth.community.schema.Tables.STAFF_NUMBERS;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.hearth.community.CommunityNames.Named;
import org.hearth.community.schema.tables.Memberships;
import org.hearth.identity.MemberData;
import org.jooq.DSLContext;
import org.jooq.Table;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A member's memberships (with the rules version they agreed to), join requests and
 * invitations: in their download, and gone with their account. Their staff names ("Moderator
 * 3") and the rules versions they saved are in their download too; when they go, the number
 * and the versions stay with the community, which keeps its history, but nothing links them to
 * the member any more. A member who alone owns a community hands it over before leaving, so no community is
 * left without someone responsible for it. Erased after conversations (which point at
 * communities), before the account.
 */
@Component
@Order(200)
class MembershipsOfAMember implements MemberData {

    private static final Memberships OTHER = MEMBERSHIPS.as("other");

    private final DSLContext db;
    private final Communities communities;

    MembershipsOfAMember(DSLContext db, Communities communities) {
        this.db = db;
        this.communities = communities;
    }

    @Override
    public String section() {
        return "communities";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(MEMBERSHIPS, JOIN_REQUESTS, INVITATIONS, STAFF_NUMBERS, COMMUNITY_RULE_VERSIONS, COMMUNITY_BANS);
    }

    @Override
    public Optional<String> beforeDeletion(String memberId) {
        // another owner stepping down or leaving at this moment waits for the answer (and the erasure)
        communities.lockOwnersWhereOwner(memberId);
        List<String> soleOwnerOf = db.select(COMMUNITIES.NAME).from(COMMUNITIES).join(MEMBERSHIPS).on(MEMBERSHIPS.COMMUNITY_ID.eq(COMMUNITIES.ID))
                .where(MEMBERSHIPS.MEMBER_ID.eq(memberId), MEMBERSHIPS.ROLE.eq(Role.OWNER.name()))
                .andNotExists(db.selectOne().from(OTHER)
                        .where(OTHER.COMMUNITY_ID.eq(COMMUNITIES.ID), OTHER.ROLE.eq(Role.OWNER.name()), OTHER.MEMBER_ID.ne(memberId)))
                .orderBy(COMMUNITIES.NAME)
                .fetch(COMMUNITIES.NAME);
        if (soleOwnerOf.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("You are the only owner of " + String.join(", ", soleOwnerOf)
                + ". Make another member an owner there first, so the community is not left without one.");
    }

    /** The communities section of a member's download. */
    record Section(List<Membership> memberships, List<Waiting> joinRequests, List<Waiting> invitationsReceived,
            List<Waiting> invitationsSent, List<StaffName> staffNames, List<RulesSaved> rulesVersionsSaved, List<Waiting> bannedFrom) {
    }

    /** @param rulesVersionAgreed the version of the rules agreed to on joining (null: joined before the rules, or made it) */
    record Membership(Named community, String role, Instant joinedAt, Integer rulesVersionAgreed, Instant agreedAt) {
    }

    /** The name members know this member by as staff of a community. */
    record StaffName(Named community, String name) {
    }

    /** A version of a community's rules this member saved. */
    record RulesSaved(Named community, int version, Instant savedAt, String summary) {
    }

    /**
     * A request or invitation: where, and when. An invitation received leaves out who sent it,
     * which Hearth shows no member; one sent leaves out whom it went to, whose pending
     * invitation is theirs to know.
     */
    record Waiting(Named community, Instant at) {
    }

    @Override
    public Object export(String memberId) {
        return new Section(
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, MEMBERSHIPS.ROLE, MEMBERSHIPS.JOINED_AT, MEMBERSHIPS.RULES_VERSION,
                                MEMBERSHIPS.AGREED_AT).from(MEMBERSHIPS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(MEMBERSHIPS.COMMUNITY_ID))
                        .where(MEMBERSHIPS.MEMBER_ID.eq(memberId)).orderBy(MEMBERSHIPS.JOINED_AT, COMMUNITIES.SLUG)
                        .fetch(r -> new Membership(new Named(r.value1(), r.value2()), r.value3().toLowerCase(Locale.ROOT),
                                Instant.ofEpochMilli(r.value4()), r.value5(), r.value6() == null ? null : Instant.ofEpochMilli(r.value6()))),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, JOIN_REQUESTS.REQUESTED_AT).from(JOIN_REQUESTS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(JOIN_REQUESTS.COMMUNITY_ID))
                        .where(JOIN_REQUESTS.MEMBER_ID.eq(memberId)).orderBy(JOIN_REQUESTS.REQUESTED_AT, COMMUNITIES.SLUG)
                        .fetch(r -> new Waiting(new Named(r.value1(), r.value2()), Instant.ofEpochMilli(r.value3()))),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, INVITATIONS.INVITED_AT).from(INVITATIONS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(INVITATIONS.COMMUNITY_ID))
                        .where(INVITATIONS.MEMBER_ID.eq(memberId)).orderBy(INVITATIONS.INVITED_AT, COMMUNITIES.SLUG)
                        .fetch(r -> new Waiting(new Named(r.value1(), r.value2()), Instant.ofEpochMilli(r.value3()))),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, INVITATIONS.INVITED_AT).from(INVITATIONS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(INVITATIONS.COMMUNITY_ID))
                        .where(INVITATIONS.INVITED_BY.eq(memberId)).orderBy(INVITATIONS.INVITED_AT, COMMUNITIES.SLUG)
                        .fetch(r -> new Waiting(new Named(r.value1(), r.value2()), Instant.ofEpochMilli(r.value3()))),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, STAFF_NUMBERS.NUMBER).from(STAFF_NUMBERS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(STAFF_NUMBERS.COMMUNITY_ID))
                        .where(STAFF_NUMBERS.MEMBER_ID.eq(memberId)).orderBy(COMMUNITIES.SLUG)
                        .fetch(r -> new StaffName(new Named(r.value1(), r.value2()), StaffNames.name(r.value3()))),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, COMMUNITY_RULE_VERSIONS.VERSION, COMMUNITY_RULE_VERSIONS.SAVED_AT,
                                COMMUNITY_RULE_VERSIONS.SUMMARY).from(COMMUNITY_RULE_VERSIONS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(COMMUNITY_RULE_VERSIONS.COMMUNITY_ID))
                        .where(COMMUNITY_RULE_VERSIONS.SAVED_BY.eq(memberId))
                        .orderBy(COMMUNITY_RULE_VERSIONS.SAVED_AT, COMMUNITIES.SLUG, COMMUNITY_RULE_VERSIONS.VERSION)
                        .fetch(r -> new RulesSaved(new Named(r.value1(), r.value2()), r.value3(), Instant.ofEpochMilli(r.value4()),
                                r.value5())),
                db.select(COMMUNITIES.SLUG, COMMUNITIES.NAME, COMMUNITY_BANS.BANNED_AT).from(COMMUNITY_BANS)
                        .join(COMMUNITIES).on(COMMUNITIES.ID.eq(COMMUNITY_BANS.COMMUNITY_ID))
                        .where(COMMUNITY_BANS.MEMBER_ID.eq(memberId)).orderBy(COMMUNITY_BANS.BANNED_AT, COMMUNITIES.SLUG)
                        .fetch(r -> new Waiting(new Named(r.value1(), r.value2()), Instant.ofEpochMilli(r.value3()))));
    }

    /**
     * Invitations the member sent are withdrawn with them: they were the member's doing. Their
     * staff number and the rules versions they saved stay the community's, unlinked from them.
     */
    @Override
    public void erase(String memberId) {
        db.update(STAFF_NUMBERS).set(STAFF_NUMBERS.MEMBER_ID, (String) null).where(STAFF_NUMBERS.MEMBER_ID.eq(memberId)).execute();
        db.update(COMMUNITY_RULE_VERSIONS).set(COMMUNITY_RULE_VERSIONS.SAVED_BY, (String) null)
                .where(COMMUNITY_RULE_VERSIONS.SAVED_BY.eq(memberId)).execute();
        db.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(COMMUNITY_BANS).where(COMMUNITY_BANS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(INVITATIONS).where(INVITATIONS.MEMBER_ID.eq(memberId).or(INVITATIONS.INVITED_BY.eq(memberId))).execute();
    }
}
