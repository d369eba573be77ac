package org.hearth.conversation;

/** A moderator moved a topic, with its posts, from one community to another. */
public record TopicMoved(String topicId, String fromCommunityId, String toCommunityId) {
}
