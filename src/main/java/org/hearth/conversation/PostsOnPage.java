package org.hearth.conversation;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.hearth.community.Access;
import org.hearth.platform.security.Viewer;

/**
 * The posts of one topic page, as its reader sees them, for the {@link PostExtension}s. The
 * reader may read the topic: that was checked before any extension is asked.
 *
 * @param access the reader's access to the community, to tell e.g. a moderator; on a page for
 *        everyone, one with no role and no sign-in
 * @param viewer the signed-in reader, or null: not signed in, or a page for everyone
 * @param topicId the topic the posts belong to
 * @param kind the topic's kind, so an extension for one kind asks nothing of the others' pages
 * @param posts the posts in the order shown
 * @param forEveryone the page is rendered once and sent to every live reader of the topic:
 *        add only what anyone who may read the topic may see
 */
public record PostsOnPage(Access access, Viewer viewer, String topicId, TopicKind kind, List<PostOnPage> posts, boolean forEveryone) {

    public PostsOnPage {
        Objects.requireNonNull(access);
        Objects.requireNonNull(kind);
        posts = List.copyOf(posts);
    }

    /** The page as this reader sees it: anonymous authors stay as hidden as they are from the reader. */
    public static PostsOnPage asSeenBy(Access access, Viewer viewer, String topicId, TopicKind kind, List<PostView> posts) {
        return new PostsOnPage(access, viewer, topicId, kind, posts.stream().map(PostOnPage::of).toList(), false);
    }

    /**
     * The posts as every reader of the topic sees them ({@link Conversations#postsForEveryone}),
     * for one rendering sent to all; {@code anyReader} is the access of one of them, of which
     * only what every reader may do is kept.
     */
    public static PostsOnPage asSeenByEveryone(Access anyReader, String topicId, TopicKind kind, List<PostView> posts) {
        return new PostsOnPage(anyReader.asEveryReader(), null, topicId, kind, posts.stream().map(PostOnPage::of).toList(), true);
    }

    public List<String> postIds() {
        return posts.stream().map(PostOnPage::id).toList();
    }

    /** The authors this reader may know, for a feature that shows something about them. */
    public Set<String> authorIds() {
        return posts.stream().map(PostOnPage::authorId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /**
     * One post on the page.
     *
     * @param authorId who wrote it, or null when it is anonymous and the reader may not know who
     *        wrote it (only the community's moderators, signed in with a second factor, may):
     *        an extension never learns more about an author than the reader of the page
     * @param position 0 for the opening post, then counting the replies
     * @param deleted deleted by its author: its text is gone, only its place remains
     * @param warned its author gave it a content warning, so its text stays folded until opened:
     *        an addition that repeats what the author wrote must fold too
     */
    public record PostOnPage(String id, int position, String authorId, boolean anonymous, boolean opening,
            boolean deleted, boolean warned) {

        static PostOnPage of(PostView post) {
            return new PostOnPage(post.id(), post.position(), post.authorId(), post.anonymous(), post.opening(),
                    post.deleted(), post.contentWarning() != null);
        }
    }
}
