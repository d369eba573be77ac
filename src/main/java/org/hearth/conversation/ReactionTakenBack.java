package org.hearth.conversation;

/** A member took back their reaction to a post. Published inside the transaction that saved it. */
public record ReactionTakenBack(String communityId, String postId, String postAuthorId, boolean anonymous, String memberId, ReactionKind kind) {
}
