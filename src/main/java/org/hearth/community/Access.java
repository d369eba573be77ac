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

    private Access(Community community, Role role, boolean requested, boolean invited, boolean signedIn,
            boolean secondFactor, boolean everyReader) {
        this.community = Objects.requireNonNull(community);
        this.role = role;
        this.requested = requested;
        this.invited = invited;
        this.signedIn = signedIn;
        this.secondFactor = secondFactor;
        this.everyReader = everyReader;
    }

    /** A visitor who is not signed in. */
    static Access ofVisitor(Community community) {
        return new Access(community, null, false, false, false, false, false);
    }

    /** A signed-in member's standing: role (null when not a member), a request waiting, an invitation open. */
    static Access ofMember(Community community, Role role, boolean requested, boolean invited, boolean secondFactor) {
        return new Access(community, role, role == null && requested, role == null && invited, true, secondFactor, false);
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
        return everyReader || member() || community.visibility() == Visibility.PUBLIC;
    }

    public boolean canPost() {
        return member();
    }

    /** Holds a moderator's or owner's role here (whether or not this sign-in may use it yet). */
    public boolean moderates() {
        return role != null && role.moderates();
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
        return community.listed() || member() || invited || everyReader;
    }

    /** Joins at once: an open community, or an invitation to accept (even after asking to join). */
    public boolean canJoin() {
        return signedIn && !member() && (invited || !requested && community.joinPolicy() == JoinPolicy.OPEN);
    }

    public boolean canRequest() {
        return signedIn && !member() && !requested && !invited
                && community.joinPolicy() == JoinPolicy.APPROVAL;
    }
}
