package org.hearth.conversation.web;

import gg.jte.Content;
import java.util.List;
import java.util.Optional;
import org.hearth.conversation.TopicExtension;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Every feature's {@link TopicExtension}: asked once for the page that shows a topic's opening
 * post, and for what they offer a member at the top of every page.
 */
@Component
class TopicExtensions {

    private final List<TopicExtension> extensions;

    TopicExtensions(ObjectProvider<TopicExtension> extensions) {
        this.extensions = extensions.orderedStream().toList();
    }

    List<Content> of(TopicExtension.TopicShown topic) {
        return extensions.stream().map(extension -> extension.aboveReplies(topic)).flatMap(Optional::stream).toList();
    }

    List<Content> forMember(TopicExtension.TopicShown topic) {
        return extensions.stream().map(extension -> extension.forMember(topic)).flatMap(Optional::stream).toList();
    }
}
