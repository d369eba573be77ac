package org.hearth.moderation;

/** A member was flagged as a person in a community; it waits in the community's review queue, urgent for a self-harm risk. */
public record MemberFlagged(String communityId, String memberId, FlagReason reason, boolean urgent) {
}
