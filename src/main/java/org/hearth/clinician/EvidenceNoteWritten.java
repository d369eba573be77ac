package org.hearth.clinician;

/**
 * An evidence note was attached to a post. Carries what a listener needs (whose post, in which
 * community) so none calls back to find out; the post's author is never shown to anyone who
 * may not know who wrote an anonymous post.
 */
public record EvidenceNoteWritten(String noteId, String communityId, String postId, String postAuthorId, String authorId) {
}
