package org.hearth.community;

/** An owner changed a member's role. Published inside the transaction that made the change. */
public record RoleChanged(String communityId, String memberId, Role from, Role to, String ownerId) {
}
