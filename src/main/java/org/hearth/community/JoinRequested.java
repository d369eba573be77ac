package org.hearth.community;

/** A member asked to join a community that approves each request. Published inside the transaction that made the change. */
public record JoinRequested(String communityId, String memberId) {
}
