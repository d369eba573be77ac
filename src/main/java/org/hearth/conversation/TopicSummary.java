package org.hearth.conversation;

/**
 * One line of a community's topic list. {@code hidden}: its opening post is hidden, which only
 * its author and the community's moderators are shown (everyone else does not see the topic listed).
 */
public record TopicSummary(String id, TopicKind kind, String title, String author, int replyCount,
        long lastActivityAt, boolean unread, Hidden hidden) {
}
