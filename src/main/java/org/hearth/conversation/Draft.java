package org.hearth.conversation;

/** What a member wrote: the text of a new topic (with kind and title), a reply or an edit. */
public record Draft(TopicKind kind, String title, String body, String contentWarning, boolean anonymous) {
}
