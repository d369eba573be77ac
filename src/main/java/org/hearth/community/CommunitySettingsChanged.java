package org.hearth.community;

/** An owner changed a community's settings: how it was and how it is now. */
public record CommunitySettingsChanged(String communityId, String changedBy, Community before, Community after) {
}
