package org.hearth.conversation;

/** A post was hidden from members (flags, a moderator, a new member's post held back). Published inside the transaction that hid it. */
public record PostHidden(String postId, Hidden why) {
}
