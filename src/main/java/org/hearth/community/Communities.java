package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITIES;
import static org.hearth.community.schema.Tables.COMMUNITY_BANS;
import static org.hearth.community.schema.Tables.INVITATIONS;
import static org.hearth.community.schema.Tables.JOIN_REQUESTS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.exists;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.select;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.hearth.community.schema.tables.Memberships;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.hearth.privacy.StaffAccess;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.SQLDialect;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Communities and who belongs to them. Every method that reveals something takes the viewer
 * and checks their {@link Access} first; a community the viewer may not see is reported as
 * absent, exactly like one that does not exist. Changes are made by the use cases of this
 * package ({@link JoinCommunity}, {@link LeaveCommunity}, ...) from the steps below.
 */
@Service
public class Communities {

    private static final Memberships OWNED = MEMBERSHIPS.as("owned");

    private final DSLContext db;
    private final JdbcClient jdbc;
    private final Members members;
    private final Clock clock;
    private final StaffAccess staffAccess;
    private final java.util.function.Supplier<VerifiedClinicians> clinicians;

    Communities(DSLContext db, JdbcClient jdbc, Members members, Clock clock, StaffAccess staffAccess,
            ObjectProvider<VerifiedClinicians> clinicians) {
        this.db = db;
        this.jdbc = jdbc;
        this.members = members;
        this.clock = clock;
        this.staffAccess = staffAccess;
        this.clinicians = org.springframework.util.function.SingletonSupplier.of(clinicians::getIfAvailable); // looked up once, not per page
    }

    /** A listed community with how many members it has. */
    public record Listed(Community community, int memberCount) {
    }

    /** One line of a moderator's member list. */
    public record Membership(String memberId, String handle, Role role, long joinedAt) {
    }

    /** Someone waiting for a moderator to let them in. */
    public record JoinRequest(String memberId, String handle, long requestedAt) {
    }

    // ---- reading ---------------------------------------------------------------------------

    /** The community at this address as the viewer may see it, or empty (also when hidden from them). */
    public Optional<Access> visibleTo(String slug, Viewer viewer) {
        if (slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        if (viewer == null) {
            return bySlug(slug).map(Access::ofVisitor).filter(Access::canSee);
        }
        // One query for the community and the viewer's standing in it: this runs on every page, so
        // it is SQL text over JDBC (see Placeholders). A second only for a member of a community
        // that keeps clinicians at a distance.
        String memberId = viewer.memberId();
        long now = clock.millis();
        return jdbc.sql(STANDING_OF_A_MEMBER + " where c.slug = ?").params(memberId, memberId, memberId, memberId, slug)
                .query((rs, row) -> standing(rs, viewer, now))
                .optional()
                .map(access -> access.readingOnly(access.mayBeKeptAtADistance() && verifiedClinician(memberId)))
                .filter(Access::canSee);
    }

    /**
     * Communities with the member's standing in each: role, restrictions, waiting request, open
     * invitation, ban. Binds the member four times; a where clause follows.
     */
    private static final String STANDING_OF_A_MEMBER = "select c.id, c.slug, c.name, c.description, c.condition_served, c.visibility,"
            + " c.join_policy, c.allow_anonymous, c.flag_hide_score, c.hold_new_members_posts, c.clinicians,"
            + " m.role, m.muted_until, m.suspended_until,"
            + " exists(select 1 from join_requests r where r.community_id = c.id and r.member_id = ?) as requested,"
            + " exists(select 1 from invitations i where i.community_id = c.id and i.member_id = ?) as invited,"
            + " exists(select 1 from community_bans b where b.community_id = c.id and b.member_id = ?) as banned"
            + " from communities c left join memberships m on m.community_id = c.id and m.member_id = ?";

    /** A row of {@link #STANDING_OF_A_MEMBER} as the member's access. */
    private static Access standing(java.sql.ResultSet rs, Viewer viewer, long now) throws java.sql.SQLException {
        Community community = new Community(rs.getString("id"), rs.getString("slug"), rs.getString("name"),
                rs.getString("description"), rs.getString("condition_served"), Visibility.valueOf(rs.getString("visibility")),
                JoinPolicy.valueOf(rs.getString("join_policy")), rs.getBoolean("allow_anonymous"), rs.getInt("flag_hide_score"),
                rs.getBoolean("hold_new_members_posts"), ClinicianAdmission.valueOf(rs.getString("clinicians")));
        return Access.ofMember(community, roleOf(rs.getString("role")), rs.getBoolean("requested"), rs.getBoolean("invited"),
                        viewer.secondFactor(), restriction(nullableLong(rs, "suspended_until"), nullableLong(rs, "muted_until"), now))
                .banned(rs.getBoolean("banned"));
    }

    private static Long nullableLong(java.sql.ResultSet rs, String column) throws java.sql.SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    /** Whether this community does not admit clinicians and this member is a verified one now: every way in asks it. */
    boolean refusedAsClinician(Community community, String memberId) {
        return community.clinicians() == ClinicianAdmission.NOT_ADMITTED && verifiedClinician(memberId);
    }

    /** Whether this member is a verified clinician now (false where no feature verifies clinicians). */
    boolean verifiedClinician(String memberId) {
        VerifiedClinicians verified = clinicians.get();
        return verified != null && verified.verifiedNow(memberId);
    }

    /**
     * The community at this address as a site administrator acting for the site sees it, or
     * empty for anyone else. It moderates without membership; the moderation feature decides
     * when the site steps in (appeals no other moderator can decide, queues no moderator works).
     */
    public Optional<Access> asSiteStaff(String slug, Viewer viewer) {
        if (viewer == null || !viewer.siteAdmin() || slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        return bySlug(slug).map(c -> Access.ofSiteStaff(c, viewer.secondFactor()));
    }

    /** The ids of a community's moderators and owners: who may act for it. */
    public List<String> staffIds(String communityId) {
        return db.select(MEMBERSHIPS.MEMBER_ID).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.ROLE.in(Role.MODERATOR.name(), Role.OWNER.name()))
                .fetch(MEMBERSHIPS.MEMBER_ID);
    }

    /** Listed communities and, for a signed-in viewer, the hidden ones they belong to. */
    public List<Listed> directory(Viewer viewer) {
        Condition shown = COMMUNITIES.VISIBILITY.ne(Visibility.HIDDEN.name());
        if (viewer != null) {
            shown = shown.or(COMMUNITIES.ID.in(select(MEMBERSHIPS.COMMUNITY_ID).from(MEMBERSHIPS).where(MEMBERSHIPS.MEMBER_ID.eq(viewer.memberId()))));
        }
        Field<Integer> memberCount = field(select(count()).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(COMMUNITIES.ID)));
        return db.select(COMMUNITIES.asterisk(), memberCount.as("member_count")).from(COMMUNITIES).where(shown)
                .orderBy(COMMUNITIES.NAME)
                .fetch(r -> new Listed(community(r), r.get("member_count", Integer.class)));
    }

    /** The communities the viewer belongs to, and the ones they are invited to or asked to join. */
    public List<Access> mine(Viewer viewer) {
        String me = viewer.memberId();
        long now = clock.millis();
        return jdbc.sql(STANDING_OF_A_MEMBER + " where m.member_id is not null"
                        + " or exists(select 1 from join_requests r where r.community_id = c.id and r.member_id = ?)"
                        + " or exists(select 1 from invitations i where i.community_id = c.id and i.member_id = ?)"
                        + " order by c.name")
                .params(me, me, me, me, me, me)
                .query((rs, row) -> standing(rs, viewer, now))
                .list();
    }

    /**
     * Every community the viewer may read, with their standing in each (a visitor: the public
     * ones), in one query: for search, which looks only where the reader could open the page.
     */
    public List<Access> readableBy(Viewer viewer) {
        if (viewer == null) {
            return db.selectFrom(COMMUNITIES).where(COMMUNITIES.VISIBILITY.eq(Visibility.PUBLIC.name()))
                    .fetch(r -> Access.ofVisitor(community(r)));
        }
        long now = clock.millis();
        String me = viewer.memberId();
        return jdbc.sql(STANDING_OF_A_MEMBER + " where m.member_id is not null or c.visibility = ?")
                .params(me, me, me, me, Visibility.PUBLIC.name())
                .query((rs, row) -> standing(rs, viewer, now))
                .list().stream().filter(Access::canRead).toList();
    }

    /**
     * Moderators only: who belongs, and who waits to be let in. Empty unless the access may
     * moderate (a second factor included): the member list is private data. Everyone listed
     * (but the moderator reading it) gets an entry in their record of what staff saw, in one
     * batch, before the list is shown.
     */
    public Optional<MemberList> members(Access access, Viewer viewer) {
        if (!access.canModerate()) {
            return Optional.empty();
        }
        String communityId = access.community().id();
        var rows = db.select(MEMBERSHIPS.MEMBER_ID, MEMBERSHIPS.ROLE, MEMBERSHIPS.JOINED_AT).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId))
                .orderBy(MEMBERSHIPS.JOINED_AT).fetch();
        var requestRows = db.select(JOIN_REQUESTS.MEMBER_ID, JOIN_REQUESTS.REQUESTED_AT).from(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId))
                .orderBy(JOIN_REQUESTS.REQUESTED_AT).fetch();
        var ids = new java.util.HashSet<String>(rows.getValues(MEMBERSHIPS.MEMBER_ID));
        ids.addAll(requestRows.getValues(JOIN_REQUESTS.MEMBER_ID));
        Map<String, String> handles = members.handles(ids);
        List<String> listed = new ArrayList<>(rows.getValues(MEMBERSHIPS.MEMBER_ID));
        listed.addAll(requestRows.getValues(JOIN_REQUESTS.MEMBER_ID));
        listed.removeIf(id -> viewer != null && id.equals(viewer.memberId()));
        staffAccess.record(listed, access.staffRole(),
                new StaffAccess.Where(communityId, access.community().name()), StaffAccess.Seen.READ_MEMBER_LIST);
        return Optional.of(new MemberList(access,
                rows.map(r -> new Membership(r.get(MEMBERSHIPS.MEMBER_ID), handles.get(r.get(MEMBERSHIPS.MEMBER_ID)), Role.valueOf(r.get(MEMBERSHIPS.ROLE)), r.get(MEMBERSHIPS.JOINED_AT))),
                requestRows.map(r -> new JoinRequest(r.get(JOIN_REQUESTS.MEMBER_ID), handles.get(r.get(JOIN_REQUESTS.MEMBER_ID)), r.get(JOIN_REQUESTS.REQUESTED_AT)))));
    }

    /** Moderators only: one member of the community, as the member list shows them; empty for anyone else or a non-member. */
    public Optional<Membership> member(Access access, String memberId) {
        if (!access.canModerate() || !RandomId.looksValid(memberId)) {
            return Optional.empty();
        }
        return db.select(MEMBERSHIPS.ROLE, MEMBERSHIPS.JOINED_AT).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(access.community().id()), MEMBERSHIPS.MEMBER_ID.eq(memberId))
                .fetchOptional(r -> new Membership(memberId, members.handles(Set.of(memberId)).get(memberId),
                        Role.valueOf(r.get(MEMBERSHIPS.ROLE)), r.get(MEMBERSHIPS.JOINED_AT)));
    }

    /** Moderators only: how many wait to be let in (no names, so reading it is not reading the member list); 0 for anyone else. */
    public int waitingToJoin(Access access) {
        return access.canModerate() ? db.fetchCount(JOIN_REQUESTS, JOIN_REQUESTS.COMMUNITY_ID.eq(access.community().id())) : 0;
    }

    /** When this member joined the community, if they belong to it. */
    public OptionalLong joinedAt(String communityId, String memberId) {
        return db.select(MEMBERSHIPS.JOINED_AT).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId))
                .fetchOptional(MEMBERSHIPS.JOINED_AT).map(OptionalLong::of).orElse(OptionalLong.empty());
    }

    /**
     * Those of these members who belong to the community now: whoever tells members about
     * something in it asks this at the moment of telling, so a member who left or was removed
     * hears nothing more from it. In batches of 500, one query each.
     */
    public Set<String> membersAmong(String communityId, java.util.Collection<String> memberIds) {
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(memberIds));
        Set<String> found = new java.util.HashSet<>();
        for (int from = 0; from < ids.size(); from += 500) {
            found.addAll(db.select(MEMBERSHIPS.MEMBER_ID).from(MEMBERSHIPS)
                    .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.in(ids.subList(from, Math.min(ids.size(), from + 500))))
                    .fetch(MEMBERSHIPS.MEMBER_ID));
        }
        return found;
    }

    /**
     * Those of these members who may read the community now: everyone in a public one (but
     * those banned from it), its members otherwise. For a mention, which may name only someone
     * who could follow it to the post.
     */
    public Set<String> readersAmong(String communityId, java.util.Collection<String> memberIds) {
        String visibility = db.select(COMMUNITIES.VISIBILITY).from(COMMUNITIES).where(COMMUNITIES.ID.eq(communityId))
                .fetchOne(COMMUNITIES.VISIBILITY);
        if (visibility == null) {
            return Set.of();
        }
        if (!Visibility.PUBLIC.name().equals(visibility)) {
            return membersAmong(communityId, memberIds);
        }
        Set<String> readers = new java.util.HashSet<>(memberIds);
        readers.removeAll(db.select(COMMUNITY_BANS.MEMBER_ID).from(COMMUNITY_BANS)
                .where(COMMUNITY_BANS.COMMUNITY_ID.eq(communityId), COMMUNITY_BANS.MEMBER_ID.in(memberIds)).fetch(COMMUNITY_BANS.MEMBER_ID));
        return readers;
    }

    /** The member list a moderator sees. */
    public record MemberList(Access access, List<Membership> members, List<JoinRequest> requests) {
    }

    /**
     * Whether this member is the community's only owner, who cannot leave it (asked by the page
     * that confirms leaving; {@link LeaveCommunity} asks again under a lock).
     */
    public boolean onlyOwner(Access access) {
        return access.owns() && db.fetchCount(MEMBERSHIPS, MEMBERSHIPS.COMMUNITY_ID.eq(access.community().id()),
                MEMBERSHIPS.ROLE.eq(Role.OWNER.name())) <= 1;
    }

    public int memberCount(String communityId) {
        return db.fetchCount(MEMBERSHIPS, MEMBERSHIPS.COMMUNITY_ID.eq(communityId));
    }

    // ---- changing: the steps the use cases of this package are made of --------------------

    /** What a site administrator fills in to create a community. */
    public record NewCommunity(String slug, String name, String description, String conditionServed,
            Visibility visibility, JoinPolicy joinPolicy, boolean allowAnonymous) {
    }

    /** Saves a new community; empty when its address is taken (also by someone at the same moment). */
    Optional<Community> insert(NewCommunity form) {
        String id = RandomId.next();
        Community community = new Community(id, form.slug(), form.name().strip(), form.description().strip(),
                form.conditionServed().strip(), form.visibility(), form.joinPolicy(), form.allowAnonymous(),
                Community.DEFAULT_FLAG_HIDE_SCORE, false, ClinicianAdmission.WELCOME);
        int saved = db.insertInto(COMMUNITIES)
                .set(COMMUNITIES.ID, id).set(COMMUNITIES.SLUG, community.slug()).set(COMMUNITIES.NAME, community.name())
                .set(COMMUNITIES.DESCRIPTION, community.description()).set(COMMUNITIES.CONDITION_SERVED, community.conditionServed())
                .set(COMMUNITIES.VISIBILITY, form.visibility().name()).set(COMMUNITIES.JOIN_POLICY, form.joinPolicy().name())
                .set(COMMUNITIES.ALLOW_ANONYMOUS, form.allowAnonymous()).set(COMMUNITIES.FLAG_HIDE_SCORE, community.flagHideScore())
                .set(COMMUNITIES.CREATED_AT, clock.millis())
                .onConflictDoNothing()
                .execute();
        return saved == 1 ? Optional.of(community) : Optional.empty();
    }

    /**
     * The community as it is now, its row locked until the transaction ends so nothing that
     * depends on its settings (a new topic, another owner's change) happens meanwhile.
     */
    Optional<Community> locked(String communityId) {
        var row = db.selectFrom(COMMUNITIES).where(COMMUNITIES.ID.eq(communityId));
        // SQLite has no row locks and needs none: its transactions write one at a time
        return (db.dialect().family() == SQLDialect.SQLITE ? row : row.forUpdate()).fetchOptional(Communities::community);
    }

    /**
     * Who reads the community now, for a post being written in the calling transaction. The row
     * stays share-locked until the post is stored, so an owner's change of settings waits for
     * the post (and then sees it was written), or the post waits for the change (and sees the
     * new audience); never both at once.
     */
    public Optional<Audience> audienceWhileWriting(String communityId) {
        var row = db.select(COMMUNITIES.VISIBILITY, COMMUNITIES.JOIN_POLICY).from(COMMUNITIES)
                .where(COMMUNITIES.ID.eq(communityId));
        // SQLite has no row locks and needs none: its transactions write one at a time
        return (db.dialect().family() == SQLDialect.SQLITE ? row : row.forShare())
                .fetchOptional(r -> new Audience(Visibility.valueOf(r.value1()), JoinPolicy.valueOf(r.value2())));
    }

    /** Writes every setting at once, so of two owners saving together the last one's settings stand whole. */
    Community change(Community community, ChangeCommunitySettings.Settings settings) {
        Community changed = new Community(community.id(), community.slug(), settings.name(), settings.description(),
                settings.conditionServed(), settings.visibility(), settings.joinPolicy(), settings.allowAnonymous(),
                settings.flagHideScore(), settings.holdNewMembersPosts(), settings.clinicians());
        db.update(COMMUNITIES).set(COMMUNITIES.NAME, changed.name()).set(COMMUNITIES.DESCRIPTION, changed.description())
                .set(COMMUNITIES.CONDITION_SERVED, changed.conditionServed()).set(COMMUNITIES.VISIBILITY, changed.visibility().name())
                .set(COMMUNITIES.JOIN_POLICY, changed.joinPolicy().name()).set(COMMUNITIES.ALLOW_ANONYMOUS, changed.allowAnonymous())
                .set(COMMUNITIES.FLAG_HIDE_SCORE, changed.flagHideScore())
                .set(COMMUNITIES.HOLD_NEW_MEMBERS_POSTS, changed.holdNewMembersPosts())
                .set(COMMUNITIES.CLINICIANS, changed.clinicians().name())
                .where(COMMUNITIES.ID.eq(community.id()))
                .execute();
        return changed;
    }

    /** Adds or raises a membership, and settles any request or invitation it answers. */
    void addMember(String communityId, String memberId, Role role) {
        addMember(communityId, memberId, role, null);
    }

    /**
     * The rules version a member agreed to, and when: asked of everyone who joins, kept with
     * their membership (or their request, until a moderator answers it).
     */
    record Agreement(int rulesVersion, long agreedAt) {
    }

    /** Adds a membership with the rules the member agreed to (null for an owner who made the community). */
    void addMember(String communityId, String memberId, Role role, Agreement agreement) {
        db.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.COMMUNITY_ID, communityId).set(MEMBERSHIPS.MEMBER_ID, memberId)
                .set(MEMBERSHIPS.ROLE, role.name()).set(MEMBERSHIPS.JOINED_AT, clock.millis())
                .set(MEMBERSHIPS.RULES_VERSION, agreement == null ? null : agreement.rulesVersion())
                .set(MEMBERSHIPS.AGREED_AT, agreement == null ? null : agreement.agreedAt())
                .onConflict(MEMBERSHIPS.COMMUNITY_ID, MEMBERSHIPS.MEMBER_ID)
                .doUpdate().set(MEMBERSHIPS.ROLE, role.name())
                .execute();
        removeRequest(communityId, memberId);
        removeInvitation(communityId, memberId);
    }

    boolean removeMember(String communityId, String memberId) {
        return db.deleteFrom(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /** The member's role in the community, or empty when they do not belong to it. */
    Optional<Role> roleOf(String communityId, String memberId) {
        return db.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId))
                .fetchOptional(MEMBERSHIPS.ROLE).map(Role::valueOf);
    }

    boolean changeRole(String communityId, String memberId, Role role) {
        return db.update(MEMBERSHIPS).set(MEMBERSHIPS.ROLE, role.name())
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /**
     * How many owners the community has, counted under a lock on their rows, so two owners
     * leaving or stepping down at the same moment cannot leave it with none.
     */
    int ownersLocked(String communityId) {
        return lockedOwners(MEMBERSHIPS.COMMUNITY_ID.eq(communityId));
    }

    /** Locks the owners of every community this member owns, as {@link #ownersLocked} does for one. */
    void lockOwnersWhereOwner(String memberId) {
        lockedOwners(MEMBERSHIPS.COMMUNITY_ID.in(select(OWNED.COMMUNITY_ID).from(OWNED)
                .where(OWNED.MEMBER_ID.eq(memberId), OWNED.ROLE.eq(Role.OWNER.name()))));
    }

    private int lockedOwners(Condition communities) {
        var owners = db.select(MEMBERSHIPS.MEMBER_ID).from(MEMBERSHIPS)
                .where(communities, MEMBERSHIPS.ROLE.eq(Role.OWNER.name()));
        // SQLite has no row locks and needs none: its transactions write one at a time
        return (db.dialect().family() == SQLDialect.SQLITE ? owners : owners.forUpdate()).fetch().size();
    }

    boolean addRequest(String communityId, String memberId, Agreement agreement) {
        return db.insertInto(JOIN_REQUESTS).set(JOIN_REQUESTS.COMMUNITY_ID, communityId).set(JOIN_REQUESTS.MEMBER_ID, memberId)
                .set(JOIN_REQUESTS.REQUESTED_AT, clock.millis())
                .set(JOIN_REQUESTS.RULES_VERSION, agreement.rulesVersion()).set(JOIN_REQUESTS.AGREED_AT, agreement.agreedAt())
                .onConflictDoNothing().execute() == 1;
    }

    /** The rules a member agreed to when they asked to join (empty for requests from before the rules). */
    Optional<Agreement> requestAgreement(String communityId, String memberId) {
        return db.select(JOIN_REQUESTS.RULES_VERSION, JOIN_REQUESTS.AGREED_AT).from(JOIN_REQUESTS)
                .where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId), JOIN_REQUESTS.MEMBER_ID.eq(memberId),
                        JOIN_REQUESTS.RULES_VERSION.isNotNull())
                .fetchOptional(r -> new Agreement(r.value1(), r.value2()));
    }

    /** The rules version this member agreed to when they joined, or empty (an owner who made it, or from before the rules). */
    Optional<Integer> agreedVersion(String communityId, String memberId) {
        return db.select(MEMBERSHIPS.RULES_VERSION).from(MEMBERSHIPS)
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(memberId))
                .fetchOptional(MEMBERSHIPS.RULES_VERSION);
    }

    boolean removeRequest(String communityId, String memberId) {
        return db.deleteFrom(JOIN_REQUESTS)
                .where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId), JOIN_REQUESTS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    boolean addInvitation(String communityId, String memberId, String invitedBy) {
        return db.insertInto(INVITATIONS).set(INVITATIONS.COMMUNITY_ID, communityId).set(INVITATIONS.MEMBER_ID, memberId)
                .set(INVITATIONS.INVITED_BY, invitedBy).set(INVITATIONS.INVITED_AT, clock.millis())
                .onConflictDoNothing().execute() == 1;
    }

    boolean removeInvitation(String communityId, String memberId) {
        return db.deleteFrom(INVITATIONS)
                .where(INVITATIONS.COMMUNITY_ID.eq(communityId), INVITATIONS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    Optional<Community> bySlug(String slug) {
        return db.selectFrom(COMMUNITIES).where(COMMUNITIES.SLUG.eq(slug)).fetchOptional(Communities::community);
    }

    // ---- mapping ---------------------------------------------------------------------------

    /** A suspension in force outranks a mute: it also takes away flagging. */
    private static Access.Restriction restriction(Long suspendedUntil, Long mutedUntil, long now) {
        if (suspendedUntil != null && suspendedUntil > now) {
            return new Access.Restriction(Access.Restriction.Kind.SUSPENDED, suspendedUntil);
        }
        if (mutedUntil != null && mutedUntil > now) {
            return new Access.Restriction(Access.Restriction.Kind.MUTED, mutedUntil);
        }
        return null;
    }

    static Role roleOf(String role) {
        return role == null ? null : Role.valueOf(role);
    }

    private static Community community(Record r) {
        return new Community(r.get(COMMUNITIES.ID), r.get(COMMUNITIES.SLUG), r.get(COMMUNITIES.NAME), r.get(COMMUNITIES.DESCRIPTION), r.get(COMMUNITIES.CONDITION_SERVED),
                Visibility.valueOf(r.get(COMMUNITIES.VISIBILITY)), JoinPolicy.valueOf(r.get(COMMUNITIES.JOIN_POLICY)),
                Boolean.TRUE.equals(r.get(COMMUNITIES.ALLOW_ANONYMOUS)), r.get(COMMUNITIES.FLAG_HIDE_SCORE),
                Boolean.TRUE.equals(r.get(COMMUNITIES.HOLD_NEW_MEMBERS_POSTS)), ClinicianAdmission.valueOf(r.get(COMMUNITIES.CLINICIANS)));
    }
}
