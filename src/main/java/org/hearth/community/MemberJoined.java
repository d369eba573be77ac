package org.hearth.community;

/** A member joined a community: by its open door, an accepted invitation or an approved request. Published inside the transaction that made the change. */
public record MemberJoined(String communityId, String memberId, Role role) {
}
