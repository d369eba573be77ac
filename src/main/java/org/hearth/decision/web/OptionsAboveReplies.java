package org.hearth.decision.web;

import gg.jte.Content;
import gg.jte.TemplateEngine;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hearth.community.Access;
import org.hearth.conversation.TopicExtension;
import org.hearth.conversation.TopicKind;
import org.hearth.decision.DecisionTopics;
import org.hearth.decision.Experiences;
import org.hearth.decision.Option;
import org.hearth.decision.SharedContext;
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
    private final SharedContext sharedContext;
    private final TemplateEngine templates;

    OptionsAboveReplies(DecisionTopics decisionTopics, Experiences experiences, SharedContext sharedContext, TemplateEngine templates) {
        this.sharedContext = sharedContext;
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
        List<SharedContext.Field> fields = sharedContext.all(access.community().id());
        Map<String, String> filter = filter(fields, topic.parameters().getOrDefault("context", List.of()));
        Map<String, Object> params = new java.util.HashMap<>(Map.of("slug", access.community().slug(), "topicId", topic.topicId(),
                "decision", decision, "columns", experiences.columns(topic, decision, filter), "chosen", chosen == null ? "" : chosen,
                "mayAdd", mayAdd, "mayWrite", mayWrite));
        // the filters offer what is on the list now, and keep a retired choice that a link still asks for
        params.put("fields", fields.stream().filter(field -> !field.retired() || filter.containsKey(field.id())).toList());
        params.put("filter", filter);
        params.put("mayDefineContext", access.canModerate());
        return Optional.of(output -> templates.render("org/hearth/decision/web/options.jte", params, output));
    }

    /** The choices asked for that are the community's, choice by field: one per field, the last asked. */
    private static Map<String, String> filter(List<SharedContext.Field> fields, List<String> asked) {
        Map<String, String> filter = new java.util.LinkedHashMap<>();
        for (SharedContext.Field field : fields) {
            for (SharedContext.Choice choice : field.choices()) {
                if (asked.contains(choice.id())) {
                    filter.put(field.id(), choice.id());
                }
            }
        }
        return filter;
    }
}
