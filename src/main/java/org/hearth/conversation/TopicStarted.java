package org.hearth.conversation;

/** A member started a topic. {@code anonymous}: the community shows no author; listeners must not either. Published inside the transaction that saved it. */
public record TopicStarted(String communityId, String topicId, String postId, String authorId, boolean anonymous, TopicKind kind) {
}
