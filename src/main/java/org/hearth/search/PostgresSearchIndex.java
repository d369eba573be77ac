package org.hearth.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index on PostgreSQL: a tsvector per post (title weighted A, text B) under a GIN index. A
 * search takes the newest {@link #CANDIDATES} readable matches (PostgreSQL finds rare words
 * through the GIN index and walks common ones newest first, by its statistics) and ranks them
 * them: those whose title matched first, then the newest.
 */
final class PostgresSearchIndex implements SearchIndex {

    private static final String COLUMNS = "post_id, topic_id, community_id, kind, position, opening, author_id, hidden, content_warning,"
            + " created_at, title, body, doc";
    private static final String EXCERPT_OPTIONS = "StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, ShortWord=2,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"";

    private final JdbcTemplate jdbc;
    private final String configuration;

    /** {@code configuration}: a text search configuration PostgreSQL has, checked by {@link SearchLanguage}. */
    PostgresSearchIndex(JdbcTemplate jdbc, String configuration) {
        this.jdbc = jdbc;
        this.configuration = configuration;
    }

    @Override
    public void index(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        String words = "'" + configuration + "'::regconfig";
        jdbc.batchUpdate("insert into search_posts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                + " setweight(to_tsvector(" + words + ", ?), 'A') || setweight(to_tsvector(" + words + ", ?), 'B'))"
                + " on conflict (post_id) do update set topic_id = excluded.topic_id, community_id = excluded.community_id,"
                + " kind = excluded.kind, position = excluded.position, opening = excluded.opening, author_id = excluded.author_id,"
                + " hidden = excluded.hidden, content_warning = excluded.content_warning, created_at = excluded.created_at,"
                + " title = excluded.title, body = excluded.body, doc = excluded.doc", entries, entries.size(), (statement, e) -> {
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
                    statement.setString(13, e.title());
                    statement.setString(14, e.text());
                });
    }

    @Override
    public void remove(Collection<String> postIds) {
        for (List<String> part : SqlLists.parts(postIds)) {
            jdbc.update("delete from search_posts where post_id in (" + SqlLists.marks(part.size()) + ")", part.toArray());
        }
    }

    @Override
    public List<Hit> search(SearchQuery query, Scope scope) {
        if (scope.communities().isEmpty()) {
            return List.of();
        }
        List<Object> values = new ArrayList<>();
        String ranked = query.tsquery(configuration, values);
        String matched = query.tsquery(configuration, values);
        String where = SqlLists.scope(scope, "s.", "false", values);
        values.add(CANDIDATES);
        // the newest matches; those whose title (the lexemes weighted A) matched come first
        return jdbc.query("select post_id, topic_id, community_id, position, opening, author_id, hidden, content_warning, created_at,"
                + " ts_filter(doc, '{a}') @@ " + ranked + " from (select s.* from search_posts s where s.doc @@ " + matched + where
                + " order by s.created_at desc limit ?) newest",
                (rs, row) -> new Hit(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5), rs.getString(6),
                        rs.getBoolean(7), rs.getString(8), rs.getLong(9), rs.getBoolean(10) ? 1 : 0),
                values.toArray());
    }

    @Override
    public Map<String, String> excerpts(SearchQuery query, Collection<String> postIds) {
        Map<String, String> excerpts = new HashMap<>();
        if (postIds.isEmpty()) {
            return excerpts;
        }
        List<Object> values = new ArrayList<>();
        String tsquery = query.tsquery(configuration, values);
        values.add(EXCERPT_OPTIONS);
        values.addAll(postIds);
        jdbc.query("select post_id, ts_headline('" + configuration + "'::regconfig, body, " + tsquery + ", ?) from search_posts"
                + " where post_id in (" + SqlLists.marks(postIds.size()) + ")", rs -> {
                    excerpts.put(rs.getString(1), rs.getString(2));
                }, values.toArray());
        return excerpts;
    }

    @Override
    public Size size() {
        long posts = jdbc.queryForObject("select count(*) from search_posts", Long.class);
        long bytes = jdbc.queryForObject("select pg_total_relation_size('search_posts')", Long.class);
        return new Size(posts, bytes);
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
