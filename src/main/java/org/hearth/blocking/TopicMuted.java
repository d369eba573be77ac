package org.hearth.blocking;

/** A member muted a topic. */
public record TopicMuted(String memberId, String topicId) {
}
