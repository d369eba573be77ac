package org.hearth.decision;

/** A member added to the timeline of their experience; see {@link ExperienceAdded} for {@code authorId}. */
public record ExperienceUpdated(String communityId, String topicId, String postId, String authorId, boolean anonymous) {
}
