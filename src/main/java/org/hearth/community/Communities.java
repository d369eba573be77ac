package org.hearth.community;

import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;
import static org.jooq.impl.DSL.table;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.identity.Members;
import org.hearth.platform.RandomId;
import org.hearth.platform.security.Viewer;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Table;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities and who belongs to them. Every method that reveals or changes something takes
 * the viewer and checks their {@link Access} first; a community the viewer may not see is
 * reported as absent, exactly like one that does not exist.
 */
@Service
public class Communities {

    static final Table<Record> COMMUNITIES = table(name("communities"));
    static final Field<String> ID = field(name("communities", "id"), String.class);
    static final Field<String> SLUG = field(name("communities", "slug"), String.class);
    static final Field<String> NAME = field(name("communities", "name"), String.class);
    static final Field<String> DESCRIPTION = field(name("communities", "description"), String.class);
    static final Field<String> CONDITION = field(name("communities", "condition_served"), String.class);
    static final Field<String> VISIBILITY = field(name("communities", "visibility"), String.class);
    static final Field<String> JOIN_POLICY = field(name("communities", "join_policy"), String.class);
    static final Field<Boolean> ALLOW_ANONYMOUS = field(name("communities", "allow_anonymous"), Boolean.class);
    static final Field<Long> CREATED_AT = field(name("communities", "created_at"), Long.class);

    static final Table<Record> MEMBERSHIPS = table(name("memberships"));
    static final Field<String> M_COMMUNITY = field(name("memberships", "community_id"), String.class);
    static final Field<String> M_MEMBER = field(name("memberships", "member_id"), String.class);
    static final Field<String> M_ROLE = field(name("memberships", "role"), String.class);
    static final Field<Long> M_JOINED = field(name("memberships", "joined_at"), Long.class);

    static final Table<Record> REQUESTS = table(name("join_requests"));
    static final Field<String> R_COMMUNITY = field(name("join_requests", "community_id"), String.class);
    static final Field<String> R_MEMBER = field(name("join_requests", "member_id"), String.class);
    static final Field<Long> R_AT = field(name("join_requests", "requested_at"), Long.class);

    static final Table<Record> INVITATIONS = table(name("invitations"));
    static final Field<String> I_COMMUNITY = field(name("invitations", "community_id"), String.class);
    static final Field<String> I_MEMBER = field(name("invitations", "member_id"), String.class);
    static final Field<String> I_BY = field(name("invitations", "invited_by"), String.class);
    static final Field<Long> I_AT = field(name("invitations", "invited_at"), Long.class);

    private final DSLContext db;
    private final Members members;
    private final Clock clock;

    Communities(DSLContext db, Members members, Clock clock) {
        this.db = db;
        this.members = members;
        this.clock = clock;
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

    /** What happened when someone asked to join. */
    public enum JoinOutcome { JOINED, REQUESTED, NOT_ALLOWED }

    // ---- reading ---------------------------------------------------------------------------

    /** The community at this address as the viewer may see it, or empty (also when hidden from them). */
    public Optional<Access> visibleTo(String slug, Viewer viewer) {
        if (slug == null || slug.length() > 60) {
            return Optional.empty();
        }
        if (viewer == null) {
            return bySlug(slug).map(community -> access(community, null)).filter(Access::canSee);
        }
        // One query for the community and the viewer's standing in it: this runs on every page.
        String me = viewer.memberId();
        Field<String> role = field(select(M_ROLE).from(MEMBERSHIPS).where(M_COMMUNITY.eq(ID), M_MEMBER.eq(me)));
        Field<Boolean> requested = org.jooq.impl.DSL.exists(select(R_MEMBER).from(REQUESTS)
                .where(R_COMMUNITY.eq(ID), R_MEMBER.eq(me))).as("requested");
        Field<Boolean> invited = org.jooq.impl.DSL.exists(select(I_MEMBER).from(INVITATIONS)
                .where(I_COMMUNITY.eq(ID), I_MEMBER.eq(me))).as("invited");
        return db.select(COMMUNITIES.asterisk(), role.as("role"), requested, invited).from(COMMUNITIES)
                .where(SLUG.eq(slug))
                .fetchOptional(r -> {
                    Role viewerRole = roleOf(r.get("role", String.class));
                    return new Access(community(r), viewerRole,
                            viewerRole == null && Boolean.TRUE.equals(r.get("requested", Boolean.class)),
                            viewerRole == null && Boolean.TRUE.equals(r.get("invited", Boolean.class)), true);
                })
                .filter(Access::canSee);
    }

    /** Listed communities and, for a signed-in viewer, the hidden ones they belong to. */
    public List<Listed> directory(Viewer viewer) {
        Condition shown = VISIBILITY.ne(Visibility.HIDDEN.name());
        if (viewer != null) {
            shown = shown.or(ID.in(select(M_COMMUNITY).from(MEMBERSHIPS).where(M_MEMBER.eq(viewer.memberId()))));
        }
        Field<Integer> memberCount = field(select(count()).from(MEMBERSHIPS).where(M_COMMUNITY.eq(ID)));
        return db.select(COMMUNITIES.asterisk(), memberCount.as("member_count")).from(COMMUNITIES).where(shown)
                .orderBy(NAME)
                .fetch(r -> new Listed(community(r), r.get("member_count", Integer.class)));
    }

    /** The communities the viewer belongs to, and the ones they are invited to or asked to join. */
    public List<Access> mine(Viewer viewer) {
        String me = viewer.memberId();
        Field<String> role = field(select(M_ROLE).from(MEMBERSHIPS).where(M_COMMUNITY.eq(ID), M_MEMBER.eq(me)));
        Field<Boolean> requested = org.jooq.impl.DSL.exists(select(R_MEMBER).from(REQUESTS).where(R_COMMUNITY.eq(ID), R_MEMBER.eq(me))).as("requested");
        Field<Boolean> invited = org.jooq.impl.DSL.exists(select(I_MEMBER).from(INVITATIONS).where(I_COMMUNITY.eq(ID), I_MEMBER.eq(me))).as("invited");
        return db.select(COMMUNITIES.asterisk(), role.as("role"), requested, invited).from(COMMUNITIES)
                .where(ID.in(select(M_COMMUNITY).from(MEMBERSHIPS).where(M_MEMBER.eq(me)))
                        .or(ID.in(select(R_COMMUNITY).from(REQUESTS).where(R_MEMBER.eq(me))))
                        .or(ID.in(select(I_COMMUNITY).from(INVITATIONS).where(I_MEMBER.eq(me)))))
                .orderBy(NAME)
                .fetch(r -> new Access(community(r), roleOf(r.get("role", String.class)),
                        Boolean.TRUE.equals(r.get("requested", Boolean.class)),
                        Boolean.TRUE.equals(r.get("invited", Boolean.class)), true));
    }

    /** Moderators only: who belongs, and who waits to be let in. Empty when the viewer does not moderate. */
    public Optional<MemberList> members(String slug, Viewer viewer) {
        Optional<Access> access = visibleTo(slug, viewer).filter(Access::moderates);
        if (access.isEmpty()) {
            return Optional.empty();
        }
        String communityId = access.get().community().id();
        var rows = db.select(M_MEMBER, M_ROLE, M_JOINED).from(MEMBERSHIPS).where(M_COMMUNITY.eq(communityId))
                .orderBy(M_JOINED).fetch();
        var requestRows = db.select(R_MEMBER, R_AT).from(REQUESTS).where(R_COMMUNITY.eq(communityId))
                .orderBy(R_AT).fetch();
        var ids = new java.util.HashSet<String>(rows.getValues(M_MEMBER));
        ids.addAll(requestRows.getValues(R_MEMBER));
        Map<String, String> handles = members.handles(ids);
        return Optional.of(new MemberList(access.get(),
                rows.map(r -> new Membership(r.get(M_MEMBER), handles.get(r.get(M_MEMBER)), Role.valueOf(r.get(M_ROLE)), r.get(M_JOINED))),
                requestRows.map(r -> new JoinRequest(r.get(R_MEMBER), handles.get(r.get(R_MEMBER)), r.get(R_AT)))));
    }

    /** The member list a moderator sees. */
    public record MemberList(Access access, List<Membership> members, List<JoinRequest> requests) {
    }

    public int memberCount(String communityId) {
        return db.fetchCount(MEMBERSHIPS, M_COMMUNITY.eq(communityId));
    }

    // ---- changing --------------------------------------------------------------------------

    /** What a site administrator fills in to create a community. */
    public record NewCommunity(String slug, String name, String description, String conditionServed,
            Visibility visibility, JoinPolicy joinPolicy, boolean allowAnonymous) {
    }

    /** Thrown when the address is already used by another community. */
    public static final class SlugTaken extends RuntimeException {
        SlugTaken() {
            super("slug taken", null, false, false);
        }
    }

    /** Creates a community; its creator (when given) becomes its first owner. */
    @Transactional
    public Community create(NewCommunity form, String ownerId) {
        if (db.fetchExists(COMMUNITIES, SLUG.eq(form.slug()))) {
            throw new SlugTaken();
        }
        String id = RandomId.next();
        long now = clock.millis();
        db.insertInto(COMMUNITIES)
                .set(ID, id).set(SLUG, form.slug()).set(NAME, form.name().strip())
                .set(DESCRIPTION, form.description().strip()).set(CONDITION, form.conditionServed().strip())
                .set(VISIBILITY, form.visibility().name()).set(JOIN_POLICY, form.joinPolicy().name())
                .set(ALLOW_ANONYMOUS, form.allowAnonymous()).set(CREATED_AT, now)
                .execute();
        if (ownerId != null) {
            addMember(id, ownerId, Role.OWNER);
        }
        return new Community(id, form.slug(), form.name().strip(), form.description().strip(),
                form.conditionServed().strip(), form.visibility(), form.joinPolicy(), form.allowAnonymous());
    }

    /** Joins an open community, accepts an invitation, or asks moderators of an approval community. */
    @Transactional
    public JoinOutcome join(String slug, Viewer viewer) {
        Optional<Access> found = visibleTo(slug, viewer);
        if (found.isEmpty()) {
            return JoinOutcome.NOT_ALLOWED;
        }
        Access access = found.get();
        String communityId = access.community().id();
        if (access.canJoin()) {
            addMember(communityId, viewer.memberId(), Role.MEMBER);
            return JoinOutcome.JOINED;
        }
        if (access.canRequest()) {
            db.insertInto(REQUESTS).set(R_COMMUNITY, communityId).set(R_MEMBER, viewer.memberId())
                    .set(R_AT, clock.millis()).onConflictDoNothing().execute();
            return JoinOutcome.REQUESTED;
        }
        return access.member() ? JoinOutcome.JOINED : JoinOutcome.NOT_ALLOWED;
    }

    /** Withdraws a join request or declines an invitation. */
    @Transactional
    public void withdraw(String slug, Viewer viewer) {
        visibleTo(slug, viewer).ifPresent(access -> {
            db.deleteFrom(REQUESTS).where(R_COMMUNITY.eq(access.community().id()), R_MEMBER.eq(viewer.memberId())).execute();
            db.deleteFrom(INVITATIONS).where(I_COMMUNITY.eq(access.community().id()), I_MEMBER.eq(viewer.memberId())).execute();
        });
    }

    /** Leaves a community. The last owner cannot leave: someone must stay responsible for it. */
    @Transactional
    public boolean leave(String slug, Viewer viewer) {
        Optional<Access> access = visibleTo(slug, viewer).filter(Access::member);
        if (access.isEmpty()) {
            return false;
        }
        String communityId = access.get().community().id();
        if (access.get().owns() && db.fetchCount(MEMBERSHIPS, M_COMMUNITY.eq(communityId), M_ROLE.eq(Role.OWNER.name())) == 1) {
            return false;
        }
        db.deleteFrom(MEMBERSHIPS).where(M_COMMUNITY.eq(communityId), M_MEMBER.eq(viewer.memberId())).execute();
        return true;
    }

    /** A moderator lets someone in or turns them down. Returns false when there was no such request. */
    @Transactional
    public boolean decideRequest(String slug, Viewer moderator, String memberId, boolean approve) {
        Optional<Access> access = visibleTo(slug, moderator).filter(Access::moderates);
        if (access.isEmpty() || !RandomId.looksValid(memberId)) {
            return false;
        }
        String communityId = access.get().community().id();
        int removed = db.deleteFrom(REQUESTS).where(R_COMMUNITY.eq(communityId), R_MEMBER.eq(memberId)).execute();
        if (removed == 1 && approve) {
            addMember(communityId, memberId, Role.MEMBER);
        }
        return removed == 1;
    }

    /**
     * A moderator invites a member by handle. Says nothing about whether the handle exists, so
     * that inviting cannot be used to find out who is on the site.
     */
    @Transactional
    public boolean invite(String slug, Viewer moderator, String handle) {
        Optional<Access> access = visibleTo(slug, moderator).filter(Access::moderates);
        if (access.isEmpty()) {
            return false;
        }
        String communityId = access.get().community().id();
        members.idOfHandle(handle)
                .filter(id -> !db.fetchExists(MEMBERSHIPS, M_COMMUNITY.eq(communityId), M_MEMBER.eq(id)))
                .ifPresent(id -> db.insertInto(INVITATIONS).set(I_COMMUNITY, communityId).set(I_MEMBER, id)
                        .set(I_BY, moderator.memberId()).set(I_AT, clock.millis()).onConflictDoNothing().execute());
        return true;
    }

    /** An owner makes a member a moderator or an owner, or back. An owner cannot demote themselves. */
    @Transactional
    public boolean changeRole(String slug, Viewer owner, String memberId, Role role) {
        Optional<Access> access = visibleTo(slug, owner).filter(Access::owns);
        if (access.isEmpty() || owner.memberId().equals(memberId) || !RandomId.looksValid(memberId)) {
            return false;
        }
        return db.update(MEMBERSHIPS).set(M_ROLE, role.name())
                .where(M_COMMUNITY.eq(access.get().community().id()), M_MEMBER.eq(memberId)).execute() == 1;
    }

    /** Adds or raises a membership; used by joining, approving and first start. */
    @Transactional
    public void addMember(String communityId, String memberId, Role role) {
        long now = clock.millis();
        db.insertInto(MEMBERSHIPS).set(M_COMMUNITY, communityId).set(M_MEMBER, memberId)
                .set(M_ROLE, role.name()).set(M_JOINED, now)
                .onConflict(M_COMMUNITY, M_MEMBER)
                .doUpdate().set(M_ROLE, role.name())
                .execute();
        db.deleteFrom(REQUESTS).where(R_COMMUNITY.eq(communityId), R_MEMBER.eq(memberId)).execute();
        db.deleteFrom(INVITATIONS).where(I_COMMUNITY.eq(communityId), I_MEMBER.eq(memberId)).execute();
    }

    Optional<Community> bySlug(String slug) {
        return db.selectFrom(COMMUNITIES).where(SLUG.eq(slug)).fetchOptional(Communities::community);
    }

    // ---- mapping ---------------------------------------------------------------------------

    private Access access(Community community, Viewer viewer) {
        if (viewer == null) {
            return new Access(community, null, false, false, false);
        }
        String me = viewer.memberId();
        String role = db.select(M_ROLE).from(MEMBERSHIPS).where(M_COMMUNITY.eq(community.id()), M_MEMBER.eq(me))
                .fetchOne(M_ROLE);
        if (role != null) {
            return new Access(community, Role.valueOf(role), false, false, true);
        }
        boolean requested = db.fetchExists(REQUESTS, R_COMMUNITY.eq(community.id()), R_MEMBER.eq(me));
        boolean invited = db.fetchExists(INVITATIONS, I_COMMUNITY.eq(community.id()), I_MEMBER.eq(me));
        return new Access(community, null, requested, invited, true);
    }

    private static Role roleOf(String role) {
        return role == null ? null : Role.valueOf(role);
    }

    private static Community community(Record r) {
        return new Community(r.get(ID), r.get(SLUG), r.get(NAME), r.get(DESCRIPTION), r.get(CONDITION),
                Visibility.valueOf(r.get(VISIBILITY)), JoinPolicy.valueOf(r.get(JOIN_POLICY)),
                Boolean.TRUE.equals(r.get(ALLOW_ANONYMOUS)));
    }
}
