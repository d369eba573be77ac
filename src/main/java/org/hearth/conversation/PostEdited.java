package org.hearth.conversation;

/** Its author changed a post; the earlier version is kept for moderators. Published inside the transaction that saved it. */
public record PostEdited(String communityId, String topicId, String postId, String authorId, boolean anonymous) {
}
