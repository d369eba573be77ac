package org.hearth.decision.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.TopicExtension;
import org.hearth.conversation.TopicKind;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.Experiences;
import org.hearth.decision.Option;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A decision's options side by side, between its opening post and the replies. On a narrow
 * screen one option is shown at a time; the links that pick it ({@code ?option=}) work without
 * JavaScript, because the server marks the chosen one and the style sheet hides the others.
 */
@Component
@Order(100)
class OptionsAboveReplies implements TopicExtension {

    private final DecisionTopics decisionTopics;
    private final Experiences experiences;
    private final TemplateEngine templates;

    OptionsAboveReplies(DecisionTopics decisionTopics, Experiences experiences, TemplateEngine templates) {
        this.decisionTopics = decisionTopics;
        this.experiences = experiences;
        this.templates = templates;
    }

    @Override
    public Optional<Content> aboveReplies(TopicShown topic) {
        if (topic.kind() != TopicKind.DECISION) {
            return Optional.empty();
        }
        DecisionTopics.Decision decision = decisionTopics.of(topic);
        Access access = topic.access();
        boolean mayAdd = !decision.full() && (access.canModerate() || topic.startedByReader() && access.canPost() && !topic.locked());
        String asked = topic.parameter("option");
        String chosen = decision.options().stream().map(Option::id).filter(id -> id.equals(asked)).findFirst()
                .orElse(decision.options().isEmpty() ? null : decision.options().getFirst().id());
        boolean mayWrite = access.canPost() && (!topic.locked() || access.canModerate());
        Map<String, Object> params = Map.of("slug", access.community().slug(), "topicId", topic.topicId(), "decision", decision,
                "columns", experiences.columns(topic, decision), "chosen", chosen == null ? "" : chosen, "mayAdd", mayAdd,
                "mayWrite", mayWrite);
        return Optional.of(output -> templates.render("org/hearth/decision/web/options.jte", params, output));
    }
}
