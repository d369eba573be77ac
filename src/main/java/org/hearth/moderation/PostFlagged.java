package org.hearth.moderation;

/** A member flagged a post; {@code hidden}: this flag hid it pending review. Names no flagger. */
public record PostFlagged(String communityId, String postId, FlagReason reason, boolean urgent, boolean hidden) {
}
