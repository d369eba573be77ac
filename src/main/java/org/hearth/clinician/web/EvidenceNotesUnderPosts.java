package org.hearth.clinician.web;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.hearth.clinician.NotesOnPosts;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostAdditions.Place;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Evidence notes under the posts they are about, never in place of them: one query per page for
 * every note of its posts and the reader's own standing. The rendering for every live reader
 * carries only the notes members see; what needs ratings, and the link to write a note, come
 * with the page each reader loads.
 */
@Component
@Order(110)
class EvidenceNotesUnderPosts implements PostExtension {

    private final NotesOnPosts notes;
    private final TemplateEngine templates;

    EvidenceNotesUnderPosts(NotesOnPosts notes, TemplateEngine templates) {
        this.notes = notes;
        this.templates = templates;
    }

    @Override
    public PostAdditions additions(PostsOnPage page) {
        var shown = page.posts().stream().filter(p -> !p.deleted()).map(PostsOnPage.PostOnPage::id).toList();
        if (shown.isEmpty()) {
            return PostAdditions.NONE;
        }
        NotesOnPosts.OnPage onPage = notes.onPage(page.access(), page.viewer(), shown, page.forEveryone());
        if (onPage.byPost().isEmpty() && !onPage.readerMayWrite()) {
            return PostAdditions.NONE;
        }
        String slug = page.access().community().slug();
        String me = page.viewer() == null ? null : page.viewer().memberId();
        PostAdditions.Builder additions = PostAdditions.builder();
        for (PostsOnPage.PostOnPage post : page.posts()) {
            if (post.deleted()) {
                continue;
            }
            var onPost = onPage.of(post.id());
            boolean offerNote = onPage.readerMayWrite() && !onPage.wroteOn(post.id()) && (me == null || !me.equals(post.authorId()));
            if (onPost.isEmpty() && !offerNote) {
                continue;
            }
            // rendered straight into the page as it is written, not first into a string of its own
            Map<String, Object> params = Map.of("slug", slug, "postId", post.id(), "notes", onPost, "offerNote", offerNote);
            additions.add(post.id(), Place.BELOW_BODY, output -> templates.render("org/hearth/clinician/web/notes-under-post.jte", params, output));
        }
        return additions.build();
    }
}
