/**
 * Flags and the review queue. A member flags a post (a topic through its opening post) with a
 * reason ({@link org.hearth.moderation.FlagPost}); each flag adds to the post's score, weighted
 * by the flagger's trust level and by how often their earlier flags were upheld
 * ({@link org.hearth.moderation.FlagWeights}); at the community's threshold, or at once when a
 * moderator flags, the post is hidden pending review through conversation's
 * {@link org.hearth.conversation.HiddenPosts}. Self-harm flags never hide: they go to the top of
 * the queue. A member may also flag another member as a person, reached through one of their
 * posts ({@link org.hearth.moderation.FlagMember}); such a flag hides nothing, and opening it is
 * written in that member's record of what staff saw. The community's moderators claim and decide
 * each flagged post or member
 * ({@link org.hearth.moderation.ClaimReview}, {@link org.hearth.moderation.DecideReview},
 * {@link org.hearth.moderation.DecideMemberReview}): keep,
 * hide, remove, warn, mute or suspend its author (mutes and suspensions are kept on the membership
 * by {@link org.hearth.community.MemberRestrictions}), each with a written reason; every action
 * is recorded for the moderation log, and the member it concerns is told on their decisions page
 * and by a discreet e-mail. The member appeals an action once, within the time the site sets
 * ({@link org.hearth.moderation.FileAppeal}); someone other than the moderator who acted decides it
 * ({@link org.hearth.moderation.DecideAppeal}), and an upheld appeal undoes the action. Site
 * administrators step in only where a community's own staff cannot
 * ({@link org.hearth.moderation.SiteStaffReach}). Flags of possible medical misinformation also go
 * to the community's clinical advisors, who settle them with an evidence note or a reasoned
 * dismissal ({@link org.hearth.moderation.SettleMisinformationFlags}); who the advisors are is asked
 * through {@link org.hearth.moderation.ClinicalAdvisors}, which the clinician feature answers. A
 * member reads what became of the flags they raised on their page of flags. Conversation and
 * community know nothing of this
 * feature: it calls their public services.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"community", "conversation", "identity", "platform", "privacy", "trust"})
package org.hearth.moderation;
