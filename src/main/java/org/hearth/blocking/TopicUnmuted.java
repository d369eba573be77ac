package org.hearth.blocking;

/** A member unmuted a topic. */
public record TopicUnmuted(String memberId, String topicId) {
}
