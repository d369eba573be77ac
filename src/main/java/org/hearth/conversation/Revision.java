package org.hearth.conversation;

/** An earlier version of a post, kept for moderators when its author edits it. */
public record Revision(String title, String bodySource, String contentWarning, long writtenAt, long replacedAt) {
}
