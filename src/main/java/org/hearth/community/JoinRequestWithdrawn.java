package org.hearth.community;

/** A member took back their request to join, or declined an invitation. Published inside the transaction that made the change. */
public record JoinRequestWithdrawn(String communityId, String memberId) {
}
