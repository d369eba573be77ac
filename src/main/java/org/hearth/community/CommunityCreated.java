package org.hearth.community;

/** A community was created; {@code ownerId} is null when the site made it itself. Published inside the transaction that made the change. */
public record CommunityCreated(String communityId, String ownerId) {
}
