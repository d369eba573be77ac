package org.hearth.conversation;

import java.util.List;

/**
 * One page of a topic: its title and kind, the posts on this page, and where the page sits;
 * {@code muted}: the reader muted the topic, so it is left out of their topic lists.
 */
public record TopicPage(String id, TopicKind kind, String title, int replyCount, List<PostView> posts,
        int page, int pageCount, boolean muted, boolean locked) {

    /** Posts on one page of a topic, the opening post counted on the first. */
    public static final int POSTS_PER_PAGE = 25;

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pageCount;
    }

    /** Only the last page follows the topic live: on earlier pages, new replies belong to later ones. */
    public boolean last() {
        return page == pageCount;
    }

    /** The first position on the next page: new posts from there on are not this page's. */
    public int endPosition() {
        return page * POSTS_PER_PAGE;
    }
}
