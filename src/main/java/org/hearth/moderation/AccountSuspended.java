package org.hearth.moderation;

/** A site administrator suspended an account site-wide until a time, or lifted its suspension ({@code until} null). */
public record AccountSuspended(String memberId, Long until, String adminId) {
}
