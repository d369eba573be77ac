/**
 * Conversations inside a community: topics of a kind (question, story, discussion, decision)
 * and their replies, written in Markdown and made safe once when saved; edits that keep earlier
 * versions for moderators; reactions that fit peer support; content warnings; anonymous posts;
 * unread markers. Owns the community page (its topic list) and the topic page, whose last page
 * follows new replies live (server-sent events fed by the platform's live bus). Asks the
 * community feature's {@link org.hearth.community.Access} who may read and write.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "identity", "platform"})
package org.hearth.conversation;
