package org.hearth.blocking.web;

/** A muted topic as {@code /me/blocked} shows it: its title and link only while the member may read it. */
public record MutedTopic(String topicId, String title, String href, long since) {
}
