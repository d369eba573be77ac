package org.hearth.community;

/**
 * What one visitor may do in one community. The only place that answers "may this person read
 * or write here?"; every page and query that shows community content asks it.
 *
 * @param role the visitor's role, or null when they are not a member (or not signed in)
 * @param requested they asked to join and wait for a moderator
 * @param invited a moderator invited them and they have not answered yet
 * @param signedIn whether the visitor is signed in at all
 */
public record Access(Community community, Role role, boolean requested, boolean invited, boolean signedIn) {

    public boolean member() {
        return role != null;
    }

    public boolean canRead() {
        return member() || community.visibility() == Visibility.PUBLIC;
    }

    public boolean canPost() {
        return member();
    }

    public boolean moderates() {
        return role != null && role.moderates();
    }

    public boolean owns() {
        return role == Role.OWNER;
    }

    /** Whether the visitor may learn that the community exists at all. */
    public boolean canSee() {
        return community.listed() || member() || invited;
    }

    public boolean canJoin() {
        return signedIn && !member() && !requested
                && (community.joinPolicy() == JoinPolicy.OPEN || invited);
    }

    public boolean canRequest() {
        return signedIn && !member() && !requested && !invited
                && community.joinPolicy() == JoinPolicy.APPROVAL;
    }
}
