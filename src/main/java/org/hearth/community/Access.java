package org.hearth.community;

import java.util.Objects;

/**
 * What one visitor may do in one community. The only place that answers "may this person read
 * or write here?"; every page and query that shows community content asks it. Only this package
 * makes one, from the database and the signed-in viewer, so no other feature can hand itself a
 * moderator's or an owner's access.
 */
public final class Access {

    private final Community community;
    private final Role role;
    private final boolean requested;
    private final boolean invited;
    private final boolean signedIn;
    private final boolean secondFactor;
    private final boolean everyReader;
    private final Restriction restriction;
    private final boolean siteStaff;
    private boolean banned;
    private boolean readsOnly;

    /**
     * A moderator's decision that keeps a member from writing here until a time: muted (may
     * read, not write) or suspended (may read, not write, not flag).
     */
    public record Restriction(Kind kind, long until) {
        public enum Kind {
            MUTED("muted"), SUSPENDED("suspended");

            private final String word;

            Kind(String word) {
                this.word = word;
            }

            /** As a sentence says it: "You are muted in this community until ...". */
            public String word() {
                return word;
            }
        }
    }

    private Access(Community community, Role role, boolean requested, boolean invited, boolean signedIn,
            boolean secondFactor, boolean everyReader) {
        this(community, role, requested, invited, signedIn, secondFactor, everyReader, null, false);
    }

    private Access(Community community, Role role, boolean requested, boolean invited, boolean signedIn,
            boolean secondFactor, boolean everyReader, Restriction restriction, boolean siteStaff) {
        this.community = Objects.requireNonNull(community);
        this.role = role;
        this.requested = requested;
        this.invited = invited;
        this.signedIn = signedIn;
        this.secondFactor = secondFactor;
        this.everyReader = everyReader;
        this.restriction = restriction;
        this.siteStaff = siteStaff;
    }

    /** Marks a signed-in non-member whom a moderator banned from here: they may not join, ask or be invited. */
    Access banned(boolean banned) {
        this.banned = banned && role == null;
        return this;
    }

    /**
     * Marks a member who is a verified clinician in a community that keeps clinicians at a
     * distance: they read and flag, but do not write or react. Not its moderators and owners,
     * whom the community appointed.
     */
    Access readingOnly(boolean verifiedClinician) {
        this.readsOnly = verifiedClinician && mayBeKeptAtADistance();
        return this;
    }

    /** A plain member of a community that keeps clinicians at a distance: only then does being verified matter. */
    boolean mayBeKeptAtADistance() {
        return role == Role.MEMBER && community.keepsCliniciansAtADistance();
    }

    /** A verified clinician member of a community that keeps clinicians at a distance: reads, does not write. */
    public boolean readsOnly() {
        return readsOnly;
    }

    /** A moderator banned them from this community, and the ban stands. */
    public boolean banned() {
        return banned;
    }

    /** A visitor who is not signed in. */
    static Access ofVisitor(Community community) {
        return new Access(community, null, false, false, false, false, false);
    }

    /** A signed-in member's standing: role (null when not a member), a request waiting, an invitation open. */
    static Access ofMember(Community community, Role role, boolean requested, boolean invited, boolean secondFactor) {
        return ofMember(community, role, requested, invited, secondFactor, null);
    }

    /** As above, with a mute or suspension in force now (null when none). */
    static Access ofMember(Community community, Role role, boolean requested, boolean invited, boolean secondFactor,
            Restriction restriction) {
        return new Access(community, role, role == null && requested, role == null && invited, true, secondFactor, false,
                role == null ? null : restriction, false);
    }

    /**
     * A site administrator acting where the community's own moderators cannot: they moderate and
     * read as a moderator would, but are not a member and write nothing as one. Only the
     * moderation feature asks for it, for the cases the site leaves to its administrators.
     */
    static Access ofSiteStaff(Community community, boolean secondFactor) {
        return new Access(community, null, false, false, true, secondFactor, false, null, true);
    }

    /**
     * The access of everyone who may read here, and nothing more: no role, no controls, no one's
     * name. For showing the community's posts once to many readers whose own access was checked,
     * as live topic pages do. Only someone who may read can ask for it.
     */
    public Access asEveryReader() {
        if (!canRead()) {
            throw new IllegalStateException("only a reader can see what every reader sees");
        }
        return new Access(community, null, false, false, false, false, true);
    }

    public Community community() {
        return community;
    }

    /** The visitor's role, or null when they are not a member (or not signed in). */
    public Role role() {
        return role;
    }

    /** They asked to join and wait for a moderator. */
    public boolean requested() {
        return requested;
    }

    /** A moderator invited them and they have not answered yet. */
    public boolean invited() {
        return invited;
    }

    public boolean signedIn() {
        return signedIn;
    }

    public boolean member() {
        return role != null;
    }

    public boolean canRead() {
        return everyReader || siteStaff || member() || community.visibility() == Visibility.PUBLIC;
    }

    /**
     * A member who is not muted or suspended here now, nor a clinician this community keeps at a
     * distance: the one check for writing and reacting.
     */
    public boolean canPost() {
        return member() && restriction == null && !readsOnly;
    }

    /** The mute or suspension that keeps this member from writing now, or null: for the composer to say why. */
    public Restriction restriction() {
        return restriction;
    }

    /** Whether the member may flag posts here: a member not suspended (a muted member still may). */
    public boolean canFlag() {
        return member() && (restriction == null || restriction.kind() != Restriction.Kind.SUSPENDED);
    }

    /** Holds a moderator's or owner's role here (whether or not this sign-in may use it yet). */
    public boolean moderates() {
        return siteStaff || role != null && role.moderates();
    }

    /** A site administrator acting here for the site, not one of the community's own moderators. */
    public boolean siteStaff() {
        return siteStaff;
    }

    /** The role an entry in a member's record of what staff saw names for this access. */
    public org.hearth.privacy.StaffAccess.StaffRole staffRole() {
        if (siteStaff) {
            return org.hearth.privacy.StaffAccess.StaffRole.SITE_ADMINISTRATOR;
        }
        return owns() ? org.hearth.privacy.StaffAccess.StaffRole.OWNER : org.hearth.privacy.StaffAccess.StaffRole.MODERATOR;
    }

    public boolean owns() {
        return role == Role.OWNER;
    }

    /**
     * Whether the visitor may act as a moderator and read private data (member lists, who wrote
     * an anonymous post, earlier versions): a moderator or owner whose sign-in included a second
     * factor, so that a stolen password alone moderates nothing and unmasks no one.
     */
    public boolean canModerate() {
        return moderates() && secondFactor;
    }

    /** Whether the visitor may learn that the community exists at all. */
    public boolean canSee() {
        return community.listed() || member() || invited || everyReader || siteStaff;
    }

    /** Joins at once: an open community, or an invitation to accept (even after asking to join). */
    public boolean canJoin() {
        return signedIn && !banned && !member() && (invited || !requested && community.joinPolicy() == JoinPolicy.OPEN);
    }

    public boolean canRequest() {
        return signedIn && !banned && !member() && !requested && !invited
                && community.joinPolicy() == JoinPolicy.APPROVAL;
    }
}
