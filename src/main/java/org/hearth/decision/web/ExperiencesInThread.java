package org.hearth.decision.web;

import gg.jte.TemplateEngine;
import java.util.Map;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostAdditions.Place;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.Experiences;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * An experience is a reply like any other in its decision's thread, with what makes it an
 * experience: which option and when above its text, its answers and the timeline of its updates
 * below. Asks nothing on the pages of other kinds of topic.
 */
@Component
@Order(90)
class ExperiencesInThread implements PostExtension {

    private final Experiences experiences;
    private final DecisionTopics decisionTopics;
    private final TemplateEngine templates;

    ExperiencesInThread(Experiences experiences, DecisionTopics decisionTopics, TemplateEngine templates) {
        this.decisionTopics = decisionTopics;
        this.experiences = experiences;
        this.templates = templates;
    }

    @Override
    public PostAdditions additions(PostsOnPage page) {
        if (page.kind() != org.hearth.conversation.TopicKind.DECISION) {
            return PostAdditions.NONE;
        }
        var replies = page.posts().stream().filter(p -> !p.deleted() && !p.opening()).map(PostsOnPage.PostOnPage::id).toList();
        // the options' names and the questions are the decision's author's, concealed with its opening post
        if (replies.isEmpty() || decisionTopics.concealedFrom(page.access(), page.viewer(), page.topicId())) {
            return PostAdditions.NONE;
        }
        Map<String, Experiences.OnPost> found = experiences.onPosts(replies);
        if (found.isEmpty()) {
            return PostAdditions.NONE;
        }
        PostAdditions.Builder additions = PostAdditions.builder();
        Map<String, Boolean> warned = new java.util.HashMap<>();
        page.posts().forEach(post -> warned.put(post.id(), post.warned()));
        found.forEach((postId, experience) -> {
            Map<String, Object> params = Map.of("experience", experience, "warned", warned.getOrDefault(postId, false));
            additions.add(postId, Place.ABOVE_BODY,
                    output -> templates.render("org/hearth/decision/web/experience-line.jte", params, output));
            if (!experience.answers().isEmpty() || !experience.updates().isEmpty()) {
                additions.add(postId, Place.BELOW_BODY,
                        output -> templates.render("org/hearth/decision/web/experience-more.jte", params, output));
            }
        });
        return additions.build();
    }
}
