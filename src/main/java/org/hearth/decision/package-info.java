/**
 * DecisionTopics side by side. A decision is a topic of kind {@code DECISION} whose title is the
 * choice in the patient's words; this feature keeps what makes it more than a thread: its
 * options (2 to 6, a short name and description each, never silently removed) and the
 * questions that matter to it (up to 6). Starting one ({@link org.hearth.decision.StartDecision})
 * stores the topic through conversation's {@link org.hearth.conversation.StartTopic} and the
 * options in the same transaction; the topic's author and the community's moderators add an
 * option later ({@link org.hearth.decision.AddOption}). Members add one experience each
 * ({@link org.hearth.decision.AddExperience}: a reply of the topic with the option chosen, roughly
 * when, answers to the questions and whether they would choose it again) and add to it later as a
 * timeline ({@link org.hearth.decision.UpdateExperience}). A community's moderators define what
 * members may share with an experience for filters ({@link org.hearth.decision.DefineContext});
 * filtered columns show figures only, and nothing below 3. The options side by side are shown on
 * the topic page above the replies through conversation's
 * {@link org.hearth.conversation.TopicExtension}, an experience's choice in its reply through
 * {@link org.hearth.conversation.PostExtension}, so conversation depends on none of this. Who may
 * read a decision is who may read its topic. Erasing an account erases its experiences
 * ({@code ExperiencesOfAMember}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform", "privacy"})
package org.hearth.decision;
