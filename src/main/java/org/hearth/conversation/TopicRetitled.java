package org.hearth.conversation;

/** A moderator gave a topic a new title. Published inside the transaction that saved it. */
public record TopicRetitled(String communityId, String topicId) {
}
