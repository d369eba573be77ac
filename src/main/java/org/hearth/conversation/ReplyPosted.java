package org.hearth.conversation;

/** A reply was saved at this position of its topic (published inside the transaction that saved it). */
public record ReplyPosted(String topicId, String postId, int position) {
}
