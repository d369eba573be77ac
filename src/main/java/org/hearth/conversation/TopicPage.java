package org.hearth.conversation;

import java.util.List;

/** One page of a topic: its title and kind, the posts on this page, and where the page sits. */
public record TopicPage(String id, TopicKind kind, String title, int replyCount, List<PostView> posts,
        int page, int pageCount) {

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount;
    }
}
