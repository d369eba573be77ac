package org.hearth.decision;

/**
 * A member added their experience to a decision. {@code authorId} is for whoever must know who
 * wrote it (never shown when {@code anonymous}); the reply's own {@code ReplyPosted} is published
 * as for any reply, after this one, in the same transaction that saved both.
 */
public record ExperienceAdded(String communityId, String topicId, String postId, String optionId, String authorId,
        boolean anonymous) {
}
