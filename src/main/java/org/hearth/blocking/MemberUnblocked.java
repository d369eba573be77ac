package org.hearth.blocking;

/** A member took back a block. */
public record MemberUnblocked(String blockerId, String blockedId) {
}
