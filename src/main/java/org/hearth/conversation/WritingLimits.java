package org.hearth.conversation;

import java.util.Optional;
import org.hearth.community.Access;

/**
 * Limits another feature puts on what a member may post, such as the few links and new topics a
 * day of someone new to a community. The feature implements this as a Spring bean; starting a
 * topic, replying and editing ask every such bean, inside the writing transaction, before
 * anything is stored. Conversation knows none of them, so the dependency points from the
 * limiting feature to conversation.
 */
public interface WritingLimits {

    /** What is about to be written. {@code newTopic}: it opens a topic; {@code edit}: it replaces a post's text. */
    record Writing(Access access, String memberId, Draft draft, boolean newTopic, boolean edit) {
    }

    /** Why this may not be posted now, in words for the member ("..., so your reply is not posted yet"); empty when it may. */
    Optional<String> refusal(Writing writing);

    /**
     * Whether what is about to be written (a new topic or reply, never an edit) waits for a
     * moderator before others see it: it is stored hidden as {@link Hidden#HELD_FOR_REVIEW}.
     */
    default boolean holds(Writing writing) {
        return false;
    }
}
