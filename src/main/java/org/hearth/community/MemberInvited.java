package org.hearth.community;

/** A moderator invited a member to join. Published inside the transaction that made the change. */
public record MemberInvited(String communityId, String memberId, String moderatorId) {
}
