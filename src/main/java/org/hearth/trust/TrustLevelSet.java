package org.hearth.trust;

/**
 * A moderator set a member's level in a community ({@code heldByModerator}) or gave it back to
 * the worked-out one; for the moderation log and the member's notifications.
 */
public record TrustLevelSet(String communityId, String memberId, TrustLevel from, TrustLevel to, boolean heldByModerator,
        String moderatorId, String reason) {
}
