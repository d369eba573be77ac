package org.hearth.moderation;

/** A member appealed a moderator's action about them; it waits in the community's queue. */
public record AppealFiled(String appealId, String actionId, String communityId) {
}
