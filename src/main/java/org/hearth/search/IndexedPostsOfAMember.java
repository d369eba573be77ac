package org.hearth.search;

import java.util.List;
import org.hearth.conversation.SearchablePosts;
import org.hearth.identity.MemberData;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The index's copies of a member's posts: the words are in the download already (conversations),
 * so this section says only how many of their posts search can find. Erased with the account,
 * anonymous posts included (found by the posts' own authors, since the index names none for
 * those), in the deletion's transaction, before conversation blanks the posts.
 */
@Component
@Order(40)
class IndexedPostsOfAMember implements MemberData {

    /** The table of the index that names authors; engine-specific, so not among jOOQ's generated tables. */
    static final Table<?> SEARCH_POSTS = DSL.table(DSL.name("search_posts"));

    private final SearchIndex index;
    private final SearchablePosts posts;

    IndexedPostsOfAMember(SearchIndex index, SearchablePosts posts) {
        this.index = index;
        this.posts = posts;
    }

    /** What the download says about search. */
    record Searchable(int postsFoundBySearch, String note) {
    }

    @Override
    public String section() {
        return "search";
    }

    @Override
    public List<Table<?>> tables() {
        return List.of(SEARCH_POSTS);
    }

    @Override
    public Object export(String memberId) {
        return new Searchable(index.held(posts.idsByAuthor(memberId)).size(),
                "Search keeps a copy of the words of each post you wrote that is not deleted (they are in the section"
                        + " 'conversations'), so members who may read it can find it. Searches are not kept.");
    }

    @Override
    public void erase(String memberId) {
        index.remove(posts.idsByAuthor(memberId));
    }
}
