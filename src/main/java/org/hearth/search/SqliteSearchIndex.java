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
 * The index on SQLite: FTS5 over {@code search_posts}, kept in step by triggers on that table
 * (V40). A search walks the full-text index from its newest row backwards, so a word found in
 * half the site costs the same as one found in a few hundred posts: only the newest
 * {@link #CANDIDATES} readable matches are looked at: those whose title matched first, then the
 * newest.
 */
final class SqliteSearchIndex implements SearchIndex {

    private static final String COLUMNS = "post_id, topic_id, community_id, kind, position, opening, author_id, hidden, content_warning,"
            + " created_at, title, body";

    private final JdbcTemplate jdbc;

    SqliteSearchIndex(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void index(List<Entry> entries) {
        if (entries.isEmpty()) {
            return;
        }
        // the row keeps its doc when it is there already: its place among the newest stays
        jdbc.batchUpdate("insert into search_posts (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " on conflict (post_id) do update set topic_id = excluded.topic_id, community_id = excluded.community_id,"
                + " kind = excluded.kind, position = excluded.position, opening = excluded.opening, author_id = excluded.author_id,"
                + " hidden = excluded.hidden, content_warning = excluded.content_warning, created_at = excluded.created_at,"
                + " title = excluded.title, body = excluded.body", entries, entries.size(), (statement, e) -> {
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
        values.add(query.fts5());
        String where = SqlLists.scope(scope, "s.", "0", values);
        values.add(CANDIDATES);
        // ranked by whether the title matched (FTS5 marks it, with its own stemming), then newest first: bm25 would
        // cost three to ten times the search itself, for it reads every matching row's statistics
        return jdbc.query("select s.post_id, s.topic_id, s.community_id, s.position, s.opening, s.author_id, s.hidden,"
                + " s.content_warning, s.created_at, instr(highlight(search_text, 0, char(2), char(3)), char(2)) > 0"
                + " from search_text join search_posts s on s.doc = search_text.rowid"
                + " where search_text match ?" + where + " order by search_text.rowid desc limit ?",
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
        values.add(query.fts5());
        values.addAll(postIds);
        // the rows by their doc, then FTS5 asked for just those: it does not walk every match again
        jdbc.query("select s.post_id, snippet(search_text, 1, char(2), char(3), '…', 24) from search_text"
                + " join search_posts s on s.doc = search_text.rowid"
                + " where search_text match ? and search_text.rowid in (select doc from search_posts where post_id in ("
                + SqlLists.marks(postIds.size()) + "))", rs -> {
                    excerpts.put(rs.getString(1), rs.getString(2));
                }, values.toArray());
        return excerpts;
    }

    @Override
    public Size size() {
        long posts = jdbc.queryForObject("select count(*) from search_posts", Long.class);
        // dbstat is not in every SQLite build: the text table's pages plus FTS5's own tables
        Long bytes = jdbc.queryForObject("select sum(pgsize) from dbstat where name like 'search_%'", Long.class);
        return new Size(posts, bytes == null ? 0 : bytes);
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
