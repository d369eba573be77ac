package org.hearth.notification;

/**
 * What a notification is about. {@code batched}: like ones that arrive while the first is unread
 * join it ("3 reactions"), keyed by what they are about.
 */
public enum NotificationKind {

    /** New replies in a topic the member follows (started, wrote in, or chose). */
    REPLY,
    /** Reactions to the member's post. */
    REACTION,
    /** A new topic in a community the member follows. */
    NEW_TOPIC,
    /** A post named the member with {@code @handle}. */
    MENTION;

    /** What joins an unread row of this kind. */
    String batchKey(String topicId, String postId) {
        return switch (this) {
            case REPLY -> "reply:" + topicId;
            case REACTION -> "reaction:" + postId;
            case NEW_TOPIC -> "topic:" + topicId;
            case MENTION -> "mention:" + postId;
        };
    }

    /** What happened, in words, for this many. */
    public String words(int howMany) {
        return switch (this) {
            case REPLY -> howMany == 1 ? "A new reply" : howMany + " new replies";
            case REACTION -> howMany == 1 ? "A reaction to your post" : howMany + " reactions to your post";
            case NEW_TOPIC -> "A new topic in a community you follow";
            case MENTION -> "You were mentioned";
        };
    }

    /** The words before who did it: the latest of several, or the one. */
    public String byWords() {
        return this == REPLY || this == REACTION ? ", the latest by" : " by";
    }
}
