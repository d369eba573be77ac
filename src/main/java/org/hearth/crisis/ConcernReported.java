package org.hearth.crisis;

/** A member told a community's moderators they are worried about a post's author. Names neither member. */
public record ConcernReported(String communityId, String postId, String alertId) {
}
