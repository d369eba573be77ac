/**
 * What staff saw about a member, for that member to read. Each time a moderator, an owner or a
 * site administrator sees something private about a member (who wrote their anonymous post, the
 * earlier versions of their post, the member list they are on, a flag about them), the feature
 * that shows it records an entry through {@link org.hearth.privacy.StaffAccess}: the member
 * concerned, the staff role at the time, the community (its id and its name then, since this
 * package knows no communities), what was seen and when. The member reads their entries on
 * {@code /me/staff-access}; no one else reads them. An entry names the role, never the staff
 * member: volunteer moderators must not be singled out for doing their job, and the member
 * still learns what was seen and where. Entries are part of the member's download and erased
 * with their account. Depends only on identity and the platform; community and conversation
 * call it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"identity", "platform"})
package org.hearth.privacy;
