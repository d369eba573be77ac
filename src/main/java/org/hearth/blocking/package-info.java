/**
 * Blocking and muting: a member's private choices of what they would rather not see. A member
 * blocks another ({@link org.hearth.blocking.BlockMember}, {@link org.hearth.blocking.UnblockMember}):
 * that member's posts fold for them on topic pages, one click to read. A member mutes a topic
 * ({@link org.hearth.blocking.MuteTopic}, {@link org.hearth.blocking.UnmuteTopic}): it leaves their
 * topic lists and stays reachable by its link. Both are private: the blocked member is never told,
 * and nothing shows a block to them or to anyone else. Blocking a moderator does not stop them
 * moderating. Conversation asks for these choices once per page through
 * {@link org.hearth.conversation.ReadersChoices}, which this package answers; anonymous posts never
 * fold, since a fold would tell who wrote them. Features to come (mentions, private messages) ask
 * {@link org.hearth.blocking.Blocks#eitherBlocked} before one member reaches another. Owns
 * {@code /me/blocked}, and the rows are part of the member's download and erased with their
 * account (rows where they blocked, and rows where they were blocked).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform"})
package org.hearth.blocking;
