package org.hearth.moderation;

/** A moderator decided about a flagged post, or a flagged member ({@code postId} null): recorded in the actions log under {@code actionId}. */
public record ModerationActionTaken(String actionId, String communityId, ModerationAction action, String postId,
        String memberId, String moderatorId) {
}
