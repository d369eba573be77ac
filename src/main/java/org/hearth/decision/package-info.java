/**
 * DecisionTopics side by side. A decision is a topic of kind {@code DECISION} whose title is the
 * choice in the patient's words; this feature keeps what makes it more than a thread: its
 * options (2 to 6, a short name and description each, never silently removed) and the
 * questions that matter to it (up to 6). Starting one ({@link org.hearth.decision.StartDecision})
 * stores the topic through conversation's {@link org.hearth.conversation.StartTopic} and the
 * options in the same transaction; the topic's author and the community's moderators add an
 * option later ({@link org.hearth.decision.AddOption}). The options are shown on the topic page
 * above the replies through conversation's {@link org.hearth.conversation.TopicExtension}, so
 * conversation depends on none of this. Who may read a decision is who may read its topic.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform", "privacy"})
package org.hearth.decision;
