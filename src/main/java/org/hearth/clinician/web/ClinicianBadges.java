package org.hearth.clinician.web;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.hearth.clinician.CredentialReview;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostAdditions.Place;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A verified clinician's badge beside the author of each of their posts, in every community,
 * linking to what was verified. One query per page, for all its authors, asked each time: a
 * badge that ends or is revoked is gone from the next page shown, on every node. Never beside an
 * anonymous post: a badge would say who wrote it.
 */
@Component
@Order(100)
class ClinicianBadges implements PostExtension {

    private final CredentialReview review;
    private final TemplateEngine templates;

    ClinicianBadges(CredentialReview review, TemplateEngine templates) {
        this.review = review;
        this.templates = templates;
    }

    @Override
    public PostAdditions additions(PostsOnPage page) {
        var named = page.posts().stream().filter(p -> !p.anonymous() && !p.deleted() && p.authorId() != null).toList();
        if (named.isEmpty()) {
            return PostAdditions.NONE;
        }
        Map<String, CredentialReview.Verification> verified = review.verifiedAmong(
                named.stream().map(PostsOnPage.PostOnPage::authorId).distinct().toList());
        if (verified.isEmpty()) {
            return PostAdditions.NONE;
        }
        PostAdditions.Builder additions = PostAdditions.builder();
        for (PostsOnPage.PostOnPage post : named) {
            CredentialReview.Verification verification = verified.get(post.authorId());
            if (verification != null) {
                // rendered straight into the page as it is written, not first into a string of its own
                Map<String, Object> params = Map.of("memberId", post.authorId(), "verification", verification);
                additions.add(post.id(), Place.BESIDE_AUTHOR, output -> templates.render("org/hearth/clinician/web/badge.jte", params, output));
            }
        }
        return additions.build();
    }
}
