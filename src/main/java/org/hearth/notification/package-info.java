/**
 * Notifications: what members are told about, and only what they may know. Features publish
 * their past-tense events inside the transaction of the change (a reply, a reaction, a new
 * topic); {@link org.hearth.notification.NotificationQueue} writes each into a durable queue in
 * that same transaction, and after the commit {@link org.hearth.notification.FanOut} (on any
 * node, once) decides who hears of it, at that moment: members of the community now, not those
 * who blocked whoever did it or muted the topic, never about a post hidden or deleted. A post
 * held for review waits in the queue until it is shown. What a member is told is one row on
 * their notifications page ({@code /me/notifications}), like things joining an unread row
 * ("3 reactions"); the header shows how many are unread. Who wrote an anonymous post is never
 * stored with what the reader is told. Members hear about topics they started or wrote in
 * (until they stop: {@link org.hearth.notification.FollowTopic}) and the new topics of
 * communities they chose to follow ({@link org.hearth.notification.FollowCommunity}), plus
 * mentions, decisions about them and, for moderators, join requests and flags. The header's
 * count follows live ({@code /me/notifications/live}, over the platform's live bus). E-mail
 * ({@link org.hearth.notification.NotificationMail}, {@link org.hearth.notification.Digests}):
 * at once or in daily or weekly digests as the member chooses
 * ({@link org.hearth.notification.ChooseEmails}), discreet by default, with one-click
 * unsubscribe ({@link org.hearth.notification.StopEmails}), quiet hours and pauses
 * ({@link org.hearth.notification.PauseNotifications}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"blocking", "clinician", "community", "conversation", "decision", "identity", "moderation", "platform"})
package org.hearth.notification;
