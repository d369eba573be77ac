package org.hearth.search;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What both engines' indexes do alike over their table {@code search_posts}: writing a row
 * (insert, or replace what was there), taking rows out, and saying which posts are held. Each
 * engine adds its own text columns and its own search.
 */
abstract class PostsTableIndex implements SearchIndex {

    protected final JdbcTemplate jdbc;

    PostsTableIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The engine's upsert: {@code insert into search_posts (<columns>, ...) values (<marks>, ...)
     * on conflict (post_id) do update set <updates>, ...}, with the columns both engines have first.
     */
    protected abstract String upsert(String columns, String marks, String updates);

    /** Binds what the engine adds after the shared columns, from parameter {@code next} on. */
    protected void bindMore(java.sql.PreparedStatement statement, int next, Entry e) throws java.sql.SQLException {
    }

    private static final List<String> COLUMNS = List.of("post_id", "topic_id", "community_id", "kind", "position", "opening", "author_id",
            "hidden", "content_warning", "created_at", "title", "body");

    @Override
    public void index(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String updates = String.join(", ", COLUMNS.stream().skip(1).map(c -> c + " = excluded." + c).toList());
        jdbc.batchUpdate(upsert(String.join(", ", COLUMNS), SqlLists.marks(COLUMNS.size()), updates), entries, entries.size(),
                (statement, e) -> {
                    statement.setString(1, e.postId());
                    statement.setString(2, e.topicId());
                    statement.setString(3, e.communityId());
                    statement.setString(4, e.kind().name());
                    statement.setInt(5, e.position());
                    statement.setBoolean(6, e.opening());
                    statement.setString(7, e.authorId());
                    statement.setBoolean(8, e.hidden());
                    statement.setString(9, e.contentWarning());
                    statement.setLong(10, e.createdAt());
                    statement.setString(11, e.title());
                    statement.setString(12, e.text());
                    bindMore(statement, 13, e);
                });
    }

    /**
     * A hit from a row whose first ten columns are, in order: post_id, topic_id, community_id,
     * position, opening, author_id, hidden, content_warning, created_at, and whether the title matched.
     */
    protected static Hit hit(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                rs.getBoolean(7), rs.getString(8), rs.getLong(9), rs.getBoolean(10) ? 1 : 0);
    }

    @Override
    public void remove(Collection<String> postIds) {
        for (List<String> part : SqlLists.parts(postIds)) {
            jdbc.update("delete from search_posts where post_id in (" + SqlLists.marks(part.size()) + ")", part.toArray());
        }
    }

    @Override
    public Set<String> held(Collection<String> postIds) {
        Set<String> held = new HashSet<>();
        for (List<String> part : SqlLists.parts(postIds)) {
            held.addAll(jdbc.queryForList("select post_id from search_posts where post_id in (" + SqlLists.marks(part.size()) + ")",
                    String.class, part.toArray()));
        }
        return held;
    }
}
