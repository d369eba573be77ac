package org.hearth.conversation;

/** One line of a community's topic list. */
public record TopicSummary(String id, TopicKind kind, String title, String author, int replyCount,
        long lastActivityAt, boolean unread) {
}
