package org.hearth.conversation;

/** Its author deleted a post: its text, earlier versions and reactions are gone. Published inside the transaction that saved it. */
public record PostDeleted(String communityId, String topicId, String postId, String authorId, boolean anonymous) {
}
