package org.hearth.crisis;

/** A moderator marked a support alert as handled. */
public record AlertHandled(String communityId, String alertId, String moderatorId) {
}
