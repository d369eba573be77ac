package org.hearth.community;

import static org.hearth.community.schema.Tables.COMMUNITIES;
import static org.hearth.community.schema.Tables.INVITATIONS;
import static org.hearth.community.schema.Tables.JOIN_REQUESTS;
import static org.hearth.community.schema.Tables.MEMBERSHIPS;
import static org.jooq.impl.DSL.count;
import static org.jooq.impl.DSL.field;
import static org.jooq.impl.DSL.name;
import static org.jooq.impl.DSL.select;

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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Communities and who belongs to them. Every method that reveals or changes something takes
 * the viewer and checks their {@link Access} first; a community the viewer may not see is
 * reported as absent, exactly like one that does not exist.
 */
@Service
public class Communities {

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
        Field<String> role = field(select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(COMMUNITIES.ID), MEMBERSHIPS.MEMBER_ID.eq(me)));
        Field<Boolean> requested = org.jooq.impl.DSL.exists(select(JOIN_REQUESTS.MEMBER_ID).from(JOIN_REQUESTS)
                .where(JOIN_REQUESTS.COMMUNITY_ID.eq(COMMUNITIES.ID), JOIN_REQUESTS.MEMBER_ID.eq(me))).as("requested");
        Field<Boolean> invited = org.jooq.impl.DSL.exists(select(INVITATIONS.MEMBER_ID).from(INVITATIONS)
                .where(INVITATIONS.COMMUNITY_ID.eq(COMMUNITIES.ID), INVITATIONS.MEMBER_ID.eq(me))).as("invited");
        return db.select(COMMUNITIES.asterisk(), role.as("role"), requested, invited).from(COMMUNITIES)
                .where(COMMUNITIES.SLUG.eq(slug))
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
        Field<String> role = field(select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(COMMUNITIES.ID), MEMBERSHIPS.MEMBER_ID.eq(me)));
        Field<Boolean> requested = org.jooq.impl.DSL.exists(select(JOIN_REQUESTS.MEMBER_ID).from(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(COMMUNITIES.ID), JOIN_REQUESTS.MEMBER_ID.eq(me))).as("requested");
        Field<Boolean> invited = org.jooq.impl.DSL.exists(select(INVITATIONS.MEMBER_ID).from(INVITATIONS).where(INVITATIONS.COMMUNITY_ID.eq(COMMUNITIES.ID), INVITATIONS.MEMBER_ID.eq(me))).as("invited");
        return db.select(COMMUNITIES.asterisk(), role.as("role"), requested, invited).from(COMMUNITIES)
                .where(COMMUNITIES.ID.in(select(MEMBERSHIPS.COMMUNITY_ID).from(MEMBERSHIPS).where(MEMBERSHIPS.MEMBER_ID.eq(me)))
                        .or(COMMUNITIES.ID.in(select(JOIN_REQUESTS.COMMUNITY_ID).from(JOIN_REQUESTS).where(JOIN_REQUESTS.MEMBER_ID.eq(me))))
                        .or(COMMUNITIES.ID.in(select(INVITATIONS.COMMUNITY_ID).from(INVITATIONS).where(INVITATIONS.MEMBER_ID.eq(me)))))
                .orderBy(COMMUNITIES.NAME)
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
        var rows = db.select(MEMBERSHIPS.MEMBER_ID, MEMBERSHIPS.ROLE, MEMBERSHIPS.JOINED_AT).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId))
                .orderBy(MEMBERSHIPS.JOINED_AT).fetch();
        var requestRows = db.select(JOIN_REQUESTS.MEMBER_ID, JOIN_REQUESTS.REQUESTED_AT).from(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId))
                .orderBy(JOIN_REQUESTS.REQUESTED_AT).fetch();
        var ids = new java.util.HashSet<String>(rows.getValues(MEMBERSHIPS.MEMBER_ID));
        ids.addAll(requestRows.getValues(JOIN_REQUESTS.MEMBER_ID));
        Map<String, String> handles = members.handles(ids);
        return Optional.of(new MemberList(access.get(),
                rows.map(r -> new Membership(r.get(MEMBERSHIPS.MEMBER_ID), handles.get(r.get(MEMBERSHIPS.MEMBER_ID)), Role.valueOf(r.get(MEMBERSHIPS.ROLE)), r.get(MEMBERSHIPS.JOINED_AT))),
                requestRows.map(r -> new JoinRequest(r.get(JOIN_REQUESTS.MEMBER_ID), handles.get(r.get(JOIN_REQUESTS.MEMBER_ID)), r.get(JOIN_REQUESTS.REQUESTED_AT)))));
    }

    /** The member list a moderator sees. */
    public record MemberList(Access access, List<Membership> members, List<JoinRequest> requests) {
    }

    public int memberCount(String communityId) {
        return db.fetchCount(MEMBERSHIPS, MEMBERSHIPS.COMMUNITY_ID.eq(communityId));
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
        if (db.fetchExists(COMMUNITIES, COMMUNITIES.SLUG.eq(form.slug()))) {
            throw new SlugTaken();
        }
        String id = RandomId.next();
        long now = clock.millis();
        db.insertInto(COMMUNITIES)
                .set(COMMUNITIES.ID, id).set(COMMUNITIES.SLUG, form.slug()).set(COMMUNITIES.NAME, form.name().strip())
                .set(COMMUNITIES.DESCRIPTION, form.description().strip()).set(COMMUNITIES.CONDITION_SERVED, form.conditionServed().strip())
                .set(COMMUNITIES.VISIBILITY, form.visibility().name()).set(COMMUNITIES.JOIN_POLICY, form.joinPolicy().name())
                .set(COMMUNITIES.ALLOW_ANONYMOUS, form.allowAnonymous()).set(COMMUNITIES.CREATED_AT, now)
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
            db.insertInto(JOIN_REQUESTS).set(JOIN_REQUESTS.COMMUNITY_ID, communityId).set(JOIN_REQUESTS.MEMBER_ID, viewer.memberId())
                    .set(JOIN_REQUESTS.REQUESTED_AT, clock.millis()).onConflictDoNothing().execute();
            return JoinOutcome.REQUESTED;
        }
        return access.member() ? JoinOutcome.JOINED : JoinOutcome.NOT_ALLOWED;
    }

    /** Withdraws a join request or declines an invitation. */
    @Transactional
    public void withdraw(String slug, Viewer viewer) {
        visibleTo(slug, viewer).ifPresent(access -> {
            db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(access.community().id()), JOIN_REQUESTS.MEMBER_ID.eq(viewer.memberId())).execute();
            db.deleteFrom(INVITATIONS).where(INVITATIONS.COMMUNITY_ID.eq(access.community().id()), INVITATIONS.MEMBER_ID.eq(viewer.memberId())).execute();
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
        if (access.get().owns() && db.fetchCount(MEMBERSHIPS, MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.ROLE.eq(Role.OWNER.name())) == 1) {
            return false;
        }
        db.deleteFrom(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(viewer.memberId())).execute();
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
        int removed = db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId), JOIN_REQUESTS.MEMBER_ID.eq(memberId)).execute();
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
                .filter(id -> !db.fetchExists(MEMBERSHIPS, MEMBERSHIPS.COMMUNITY_ID.eq(communityId), MEMBERSHIPS.MEMBER_ID.eq(id)))
                .ifPresent(id -> db.insertInto(INVITATIONS).set(INVITATIONS.COMMUNITY_ID, communityId).set(INVITATIONS.MEMBER_ID, id)
                        .set(INVITATIONS.INVITED_BY, moderator.memberId()).set(INVITATIONS.INVITED_AT, clock.millis()).onConflictDoNothing().execute());
        return true;
    }

    /** An owner makes a member a moderator or an owner, or back. An owner cannot demote themselves. */
    @Transactional
    public boolean changeRole(String slug, Viewer owner, String memberId, Role role) {
        Optional<Access> access = visibleTo(slug, owner).filter(Access::owns);
        if (access.isEmpty() || owner.memberId().equals(memberId) || !RandomId.looksValid(memberId)) {
            return false;
        }
        return db.update(MEMBERSHIPS).set(MEMBERSHIPS.ROLE, role.name())
                .where(MEMBERSHIPS.COMMUNITY_ID.eq(access.get().community().id()), MEMBERSHIPS.MEMBER_ID.eq(memberId)).execute() == 1;
    }

    /** Adds or raises a membership; used by joining, approving and first start. */
    @Transactional
    public void addMember(String communityId, String memberId, Role role) {
        long now = clock.millis();
        db.insertInto(MEMBERSHIPS).set(MEMBERSHIPS.COMMUNITY_ID, communityId).set(MEMBERSHIPS.MEMBER_ID, memberId)
                .set(MEMBERSHIPS.ROLE, role.name()).set(MEMBERSHIPS.JOINED_AT, now)
                .onConflict(MEMBERSHIPS.COMMUNITY_ID, MEMBERSHIPS.MEMBER_ID)
                .doUpdate().set(MEMBERSHIPS.ROLE, role.name())
                .execute();
        db.deleteFrom(JOIN_REQUESTS).where(JOIN_REQUESTS.COMMUNITY_ID.eq(communityId), JOIN_REQUESTS.MEMBER_ID.eq(memberId)).execute();
        db.deleteFrom(INVITATIONS).where(INVITATIONS.COMMUNITY_ID.eq(communityId), INVITATIONS.MEMBER_ID.eq(memberId)).execute();
    }

    Optional<Community> bySlug(String slug) {
        return db.selectFrom(COMMUNITIES).where(COMMUNITIES.SLUG.eq(slug)).fetchOptional(Communities::community);
    }

    // ---- mapping ---------------------------------------------------------------------------

    private Access access(Community community, Viewer viewer) {
        if (viewer == null) {
            return new Access(community, null, false, false, false);
        }
        String me = viewer.memberId();
        String role = db.select(MEMBERSHIPS.ROLE).from(MEMBERSHIPS).where(MEMBERSHIPS.COMMUNITY_ID.eq(community.id()), MEMBERSHIPS.MEMBER_ID.eq(me))
                .fetchOne(MEMBERSHIPS.ROLE);
        if (role != null) {
            return new Access(community, Role.valueOf(role), false, false, true);
        }
        boolean requested = db.fetchExists(JOIN_REQUESTS, JOIN_REQUESTS.COMMUNITY_ID.eq(community.id()), JOIN_REQUESTS.MEMBER_ID.eq(me));
        boolean invited = db.fetchExists(INVITATIONS, INVITATIONS.COMMUNITY_ID.eq(community.id()), INVITATIONS.MEMBER_ID.eq(me));
        return new Access(community, null, requested, invited, true);
    }

    private static Role roleOf(String role) {
        return role == null ? null : Role.valueOf(role);
    }

    private static Community community(Record r) {
        return new Community(r.get(COMMUNITIES.ID), r.get(COMMUNITIES.SLUG), r.get(COMMUNITIES.NAME), r.get(COMMUNITIES.DESCRIPTION), r.get(COMMUNITIES.CONDITION_SERVED),
                Visibility.valueOf(r.get(COMMUNITIES.VISIBILITY)), JoinPolicy.valueOf(r.get(COMMUNITIES.JOIN_POLICY)),
                Boolean.TRUE.equals(r.get(COMMUNITIES.ALLOW_ANONYMOUS)));
    }
}
