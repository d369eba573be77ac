package org.hearth.community;

/** A member left a community. Published inside the transaction that made the change. */
public record MemberLeft(String communityId, String memberId, Role role) {
}
