package org.hearth.conversation;

/** A reply was saved at this position of its topic. {@code anonymous}: the community shows no author; listeners must not either. Published inside the transaction that saved it. */
public record ReplyPosted(String communityId, String topicId, String postId, int position, String authorId, boolean anonymous) {
}
