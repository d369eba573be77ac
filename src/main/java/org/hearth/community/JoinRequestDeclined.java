package org.hearth.community;

/** A moderator turned down a request to join. Published inside the transaction that made the change. */
public record JoinRequestDeclined(String communityId, String memberId, String moderatorId) {
}
