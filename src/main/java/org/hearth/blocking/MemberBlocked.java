package org.hearth.blocking;

/** A member blocked another. Private: nothing tells the blocked member. */
public record MemberBlocked(String blockerId, String blockedId) {
}
