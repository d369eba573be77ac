package org.hearth.crisis;

/** A writer asked the moderators of a community to look in on their post. Names no member: moderators read the alert. */
public record SupportAsked(String communityId, String postId, String alertId) {
}
