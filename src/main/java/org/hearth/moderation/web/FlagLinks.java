package org.hearth.moderation.web;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostAdditions.Place;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A "Flag" link under each post a signed-in member may flag: not their own, not deleted. Not on
 * the rendering for every live reader (a new post is flagged after the page is loaded again),
 * and it needs no query: what the page already knows decides it.
 */
@Component
@Order(900)
class FlagLinks implements PostExtension {

    private final TemplateEngine templates;

    FlagLinks(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public PostAdditions additions(PostsOnPage page) {
        if (page.forEveryone() || page.viewer() == null || !page.access().canFlag()) {
            return PostAdditions.NONE;
        }
        String slug = page.access().community().slug();
        String me = page.viewer().memberId();
        PostAdditions.Builder links = PostAdditions.builder();
        for (PostsOnPage.PostOnPage post : page.posts()) {
            if (!post.deleted() && !me.equals(post.authorId())) {
                links.add(post.id(), Place.BELOW_BODY,
                        output -> templates.render("org/hearth/moderation/web/flag-link.jte", Map.of("slug", slug, "postId", post.id()), output));
            }
        }
        return links.build();
    }
}
