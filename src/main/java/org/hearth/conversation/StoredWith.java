package org.hearth.conversation;

/**
 * What another feature stores with a new post, in the post's own transaction: a decision's
 * options with its opening post, an experience's choice with its reply. Either both are stored
 * or neither, and the form's one-time key covers both. Called after the post is inserted and
 * before its event is published; an exception it throws stores nothing at all.
 */
@FunctionalInterface
public interface StoredWith {

    void store(String topicId, String postId);
}
