package org.hearth.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.hearth.conversation.PostDeleted;
import org.hearth.conversation.PostEdited;
import org.hearth.conversation.PostHidden;
import org.hearth.conversation.PostShown;
import org.hearth.conversation.ReplyPosted;
import org.hearth.conversation.SearchablePosts;
import org.hearth.conversation.SearchablePosts.Searchable;
import org.hearth.conversation.TopicMoved;
import org.hearth.conversation.TopicRetitled;
import org.hearth.conversation.TopicStarted;
import org.hearth.platform.text.Markdown;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the index in step with the posts: every change conversation announces is written to the
 * index inside the same transaction (the events are published there and these listeners run
 * before it commits), so a crash can never leave an acknowledged post unfound, nor a deleted one
 * findable. What is indexed is read back from the posts as they are now, never taken from the
 * event, so the index says what the posts say.
 */
@Component
class IndexFollowsPosts {

    private final SearchIndex index;
    private final SearchablePosts posts;
    private final Markdown markdown;

    IndexFollowsPosts(SearchIndex index, SearchablePosts posts, Markdown markdown) {
        this.index = index;
        this.posts = posts;
        this.markdown = markdown;
    }

    @EventListener
    void on(TopicStarted started) {
        reindex(Set.of(started.postId()));
    }

    @EventListener
    void on(ReplyPosted replied) {
        reindex(Set.of(replied.postId()));
    }

    @EventListener
    void on(PostEdited edited) {
        reindex(Set.of(edited.postId()));
    }

    @EventListener
    void on(PostDeleted deleted) {
        index.remove(Set.of(deleted.postId()));
    }

    @EventListener
    void on(PostHidden hidden) {
        reindex(Set.of(hidden.postId()));
    }

    @EventListener
    void on(PostShown shown) {
        reindex(Set.of(shown.postId()));
    }

    @EventListener
    void on(TopicMoved moved) {
        write(posts.inTopic(moved.topicId()));
    }

    @EventListener
    void on(TopicRetitled retitled) {
        write(posts.inTopic(retitled.topicId()).stream().filter(Searchable::opening).toList());
    }

    /** Indexes these posts as they are now (deleted ones leave the index). */
    void reindex(Collection<String> postIds) {
        write(posts.of(postIds));
    }

    /** Writes these posts to the index as they are: deleted ones are taken out, the rest added or replaced. */
    void write(List<Searchable> found) {
        List<SearchIndex.Entry> entries = new ArrayList<>();
        List<String> deleted = new ArrayList<>();
        for (Searchable post : found) {
            if (post.deleted()) {
                deleted.add(post.postId());
            } else {
                entries.add(entry(post));
            }
        }
        index.remove(deleted);
        index.index(entries);
    }

    private SearchIndex.Entry entry(Searchable post) {
        return new SearchIndex.Entry(post.postId(), post.topicId(), post.communityId(), post.kind(), post.position(), post.opening(),
                post.title(), markdown.toPlainText(post.bodySource()), post.authorId(), post.hidden(), post.contentWarning(),
                post.createdAt());
    }
}
