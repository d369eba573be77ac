package org.hearth.conversation;

/** A hidden post is shown to members again. Published inside the transaction that showed it. */
public record PostShown(String postId) {
}
