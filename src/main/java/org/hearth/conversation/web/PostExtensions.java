package org.hearth.conversation.web;

import java.util.List;
import org.hearth.conversation.PostAdditions;
import org.hearth.conversation.PostExtension;
import org.hearth.conversation.PostsOnPage;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/** Every feature's {@link PostExtension}, asked once for a whole page of posts. */
@Component
class PostExtensions {

    private final List<PostExtension> extensions;

    PostExtensions(ObjectProvider<PostExtension> extensions) {
        this.extensions = extensions.orderedStream().toList();
    }

    PostAdditions of(PostsOnPage page) {
        if (extensions.isEmpty() || page.posts().isEmpty()) {
            return PostAdditions.NONE;
        }
        return PostAdditions.together(extensions.stream().map(extension -> extension.additions(page)).toList());
    }
}
