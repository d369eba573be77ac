package org.hearth.conversation;

/** A member reacted to a post ({@code postAuthorId} wrote it; {@code anonymous}: its author is not shown). Published inside the transaction that saved it. */
public record ReactionGiven(String communityId, String postId, String postAuthorId, boolean anonymous, String memberId, ReactionKind kind) {
}
