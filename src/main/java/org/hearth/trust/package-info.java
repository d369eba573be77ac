/**
 * Trust that grows with participation, per community: a member's level in one community (new,
 * basic, member, trusted) is worked out from what they did there (days visited, topics read,
 * replies written, time since joining, no flags upheld against them), unless a moderator set
 * it. New members meet limits while they find their feet (few links per post, few new topics and
 * replies a day), which conversation asks through {@link org.hearth.conversation.WritingLimits};
 * other features ask a member's level ({@link org.hearth.trust.TrustLevels}) for what depends on
 * it, such as the weight of a flag and, later, private messages to strangers. A member sees their
 * own standing and what unlocks the next level; only the community's moderators see anyone
 * else's, and each look of a moderator at it is written in the member's record of what staff saw
 * ({@link org.hearth.privacy.StaffAccess}). Flags upheld against a member come from whichever feature judges flags, through
 * {@link org.hearth.trust.UpheldFlags}.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform", "privacy"})
package org.hearth.trust;
