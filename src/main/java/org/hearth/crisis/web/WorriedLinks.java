package org.hearth.crisis.web;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Below each post of a topic page, for a member of the community reading it, a link to tell the
 * moderators they are worried about its author. Not on their own posts, nor on deleted ones, nor
 * on the rendering sent to every live reader (which knows no reader). Asks the database nothing.
 */
@Component
@Order(900)
class WorriedLinks implements PostExtension {

    private final TemplateEngine templates;

    WorriedLinks(TemplateEngine templates) {
        this.templates = templates;
    }

    @Override
    public PostAdditions additions(PostsOnPage page) {
        if (page.forEveryone() || page.viewer() == null || !page.access().canPost()) {
            return PostAdditions.NONE;
        }
        String memberId = page.viewer().memberId();
        String slug = page.access().community().slug();
        PostAdditions.Builder links = PostAdditions.builder();
        for (PostsOnPage.PostOnPage post : page.posts()) {
            if (!post.deleted() && !memberId.equals(post.authorId())) {
                String href = "/c/" + slug + "/p/" + post.id() + "/worried";
                links.add(post.id(), PostAdditions.Place.BELOW_BODY,
                        output -> templates.render("org/hearth/crisis/web/worried-link.jte", Map.of("href", href), output));
            }
        }
        return links.build();
    }
}
