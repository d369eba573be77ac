package org.hearth.identity;

/**
 * A member is deleting their account. Published inside the deletion's transaction: each feature
 * erases what it holds about the member, or refuses with {@link AccountDeletionRefused} when
 * the member must do something first (hand over a community they alone own).
 */
public record MemberLeaving(String memberId) {
}
