package org.hearth.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index on SQLite: FTS5 over {@code search_posts}, kept in step by triggers on that table
 * (V40). A search walks the full-text index from its newest row backwards, so a word found in
 * half the site costs the same as one found in a few hundred posts: only the newest
 * {@link #CANDIDATES} readable matches are looked at: those whose title matched first, then the
 * newest.
 */
final class SqliteSearchIndex extends PostsTableIndex {

    SqliteSearchIndex(JdbcTemplate jdbc) {
        super(jdbc);
    }

    /** The row keeps its doc when it is there already: its place among the newest stays. */
    @Override
    protected String upsert(String columns, String marks, String updates) {
        return "insert into search_posts (" + columns + ") values (" + marks + ") on conflict (post_id) do update set " + updates;
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
                (rs, row) -> hit(rs),
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
}
