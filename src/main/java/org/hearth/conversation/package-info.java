/**
 * Conversations inside a community: topics of a kind (question, story, discussion, decision)
 * and their replies, written in Markdown and made safe once when saved; edits that keep earlier
 * versions for moderators; reactions that fit peer support; content warnings; anonymous posts;
 * unread markers. Owns the topic page, whose last page follows new replies live (server-sent
 * events fed by the platform's live bus), the topic list that the community page
 * ({@code org.hearth.web}) shows, and a member's list of their own posts ({@code /me/posts}),
 * which they may still change or delete after leaving a community. Asks the community feature's
 * {@link org.hearth.community.Access} who may read and write. Writing goes through one use case
 * class per change ({@link org.hearth.conversation.StartTopic}, {@link org.hearth.conversation.ReplyToTopic},
 * {@link org.hearth.conversation.EditPost}, {@link org.hearth.conversation.DeletePost},
 * {@link org.hearth.conversation.ReactToPost}), each with a sealed outcome naming its refusals and
 * a past-tense event that says which community and author, and whether the post is anonymous. Other features add to the posts of
 * a topic page (a clinician's badge, evidence notes, a decision experience) by implementing
 * {@link org.hearth.conversation.PostExtension}, asked once per page, and add to a topic as a whole
 * (a decision's options, above the replies) through {@link org.hearth.conversation.TopicExtension};
 * a feature whose posts carry more than text (a decision's options, an experience's choice) stores
 * it in the post's own transaction through {@link org.hearth.conversation.StoredWith}, and asks
 * the same {@link org.hearth.conversation.PostChecks} before storing; conversation depends on
 * none of them. What a reader chose not to see (authors they blocked, whose posts fold for them,
 * never an anonymous one; topics they muted, left out of their lists) is asked once per page of
 * {@link org.hearth.conversation.ReadersChoices}, which the blocking feature answers. Who wrote an
 * anonymous post, and the earlier versions of a post, are shown to moderators only after an entry
 * is written in the author's record of what staff saw ({@link org.hearth.privacy.StaffAccess}).
 * Before a new topic, a reply or an edit is stored, asks every
 * {@link org.hearth.conversation.PostCheck} (crisis resources), which may show the writer a page
 * first but never refuses the post. Tells the community feature whether others have written in a community
 * ({@link org.hearth.community.WrittenInCommunity}), which decides whether it may be opened up.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "identity", "platform", "privacy"})
package org.hearth.conversation;
