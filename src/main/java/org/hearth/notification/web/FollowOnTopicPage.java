package org.hearth.notification.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.hearth.conversation.TopicExtension;
import org.hearth.notification.FollowTopic;
import org.springframework.core.annotation.Order;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * "Follow replies" at the top of every page of a topic, for a member of its community: a topic
 * one never wrote in can be followed where one reads it, and one that is followed can be
 * stopped there. One primary-key lookup per page.
 */
@Component
@Order(200)
class FollowOnTopicPage implements TopicExtension {

    private final FollowTopic followTopic;
    private final TemplateEngine templates;

    FollowOnTopicPage(FollowTopic followTopic, TemplateEngine templates) {
        this.followTopic = followTopic;
        this.templates = templates;
    }

    @Override
    public Optional<Content> forMember(TopicShown topic) {
        FollowTopic.Following following = followTopic.of(topic.viewer(), topic.topicId());
        // the form's token, as Spring Security put it on this request for the page's own forms
        CsrfToken csrf = (CsrfToken) ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest()
                .getAttribute(CsrfToken.class.getName());
        Map<String, Object> params = Map.of("slug", topic.access().community().slug(), "topicId", topic.topicId(),
                "following", following == FollowTopic.Following.FOLLOWING, "csrf", csrf);
        return Optional.of(output -> templates.render("org/hearth/notification/web/follow.jte", params, output));
    }
}
