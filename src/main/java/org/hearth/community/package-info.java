/**
 * Communities: each serves a condition or theme, with a visibility (public, members-only,
 * hidden) and a join policy (open, by approval, by invitation); memberships with roles
 * (member, moderator, owner), join requests and invitations; the directory; and the
 * cross-condition patient leaders community made on first start; each community's charter and
 * numbered rules, kept as versions for ever ({@link org.hearth.community.Rules}, changed by
 * {@link org.hearth.community.EditRules}) and agreed to on joining; and the stable names members
 * know its staff by ({@link org.hearth.community.StaffNames}: "Moderator 3"). Decides who may read and
 * who may post in a community ({@link org.hearth.community.Access}, which only this package
 * makes); depends on identity, and tells it that moderators and owners need a second factor
 * before they act. Each change a person can be refused is one use case class
 * ({@link org.hearth.community.JoinCommunity}, {@link org.hearth.community.ChangeRole}, ...):
 * input, lookups, named policies, the change and a past-tense event, and a sealed outcome with
 * one case per refusal, so a page says the real reason. Who reads what is written in a community
 * is said in one wording, {@link org.hearth.community.Audience}; whether others have written
 * there, which decides whether it may be opened up, is asked through
 * {@link org.hearth.community.WrittenInCommunity}, which the conversation feature answers. A
 * moderator reading the member list writes an entry for each listed member in their record of
 * what staff saw ({@link org.hearth.privacy.StaffAccess}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform", "privacy"})
package org.hearth.community;
