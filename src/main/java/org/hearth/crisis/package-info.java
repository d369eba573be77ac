/**
 * Crisis support that never blocks. When a post being written speaks of suicide or self-harm
 * ({@link org.hearth.crisis.PhraseList}, a reviewable list per locale matched on Hearth's own
 * server), the writer sees the site's crisis resources before it is published and chooses to
 * publish and let the community's moderators know, to publish without telling anyone, or to go
 * back and edit: it answers conversation's {@link org.hearth.conversation.PostCheck}, and
 * conversation depends on none of this. Members may tell the moderators they are worried about
 * a post's author, within limits, because such reports have been used to harass; the member
 * concerned is never told by whom, and the author of an anonymous post stays unknown to the
 * reporter. Owns the support alerts and the moderators' list of them ({@code /c/{slug}/support}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"conversation", "community", "identity", "platform"})
package org.hearth.crisis;
