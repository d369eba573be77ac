package org.hearth.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index on PostgreSQL: a tsvector per post (title weighted A, text B) under a GIN index. A
 * search takes the newest {@link #CANDIDATES} readable matches (PostgreSQL finds rare words
 * through the GIN index and walks common ones newest first, by its statistics) and ranks them
 * them: those whose title matched first, then the newest.
 */
final class PostgresSearchIndex extends PostsTableIndex {

    private static final String EXCERPT_OPTIONS = "StartSel=\u0002, StopSel=\u0003, MaxWords=30, MinWords=12, ShortWord=2,"
            + " MaxFragments=2, FragmentDelimiter=\" … \"";

    /** PostgreSQL's state for a statement cancelled, here by its time limit. */
    private static final String QUERY_CANCELED = "57014";

    private final String configuration;

    /** {@code configuration}: a text search configuration PostgreSQL has, checked by {@link SearchIndexes}. */
    PostgresSearchIndex(JdbcTemplate jdbc, String configuration) {
        super(jdbc);
        this.configuration = configuration;
    }

    @Override
    protected String upsert(String columns, String marks, String updates) {
        String words = "'" + configuration + "'::regconfig";
        return "insert into search_posts (" + columns + ", doc) values (" + marks + ", setweight(to_tsvector(" + words + ", ?), 'A')"
                + " || setweight(to_tsvector(" + words + ", ?), 'B')) on conflict (post_id) do update set " + updates
                + ", doc = excluded.doc";
    }

    @Override
    protected void bindMore(java.sql.PreparedStatement statement, int next, Entry e) throws java.sql.SQLException {
        statement.setString(next, e.title());
        statement.setString(next + 1, e.text());
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
        String sql = "select post_id, topic_id, community_id, position, opening, author_id, hidden, content_warning, created_at,"
                + " ts_filter(doc, '{a}') @@ " + ranked + " from (select s.* from search_posts s where s.doc @@ " + matched + where
                + " order by s.created_at desc limit ?) newest";
        return jdbc.execute((java.sql.Connection connection) -> {
            try (java.sql.PreparedStatement statement = connection.prepareStatement(sql)) {
                // Planned for these words every time, never as a generic plan: PostgreSQL walks a common word's posts
                // newest first and finds a rare one through the GIN index, but a plan made without the words took
                // the GIN path for every word: 900 ms instead of 7 for a word in half of 200 000 posts.
                statement.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(0);
                for (int i = 0; i < values.size(); i++) {
                    statement.setObject(i + 1, values.get(i));
                }
                // a phrase of two common words is checked post by post (its positions are not in the GIN index):
                // at a million posts that can take seconds, and then the searcher is asked to narrow it
                statement.setQueryTimeout(TIME_LIMIT_SECONDS);
                List<Hit> hits = new ArrayList<>();
                try (java.sql.ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        hits.add(hit(rs));
                    }
                } catch (java.sql.SQLException e) {
                    if (QUERY_CANCELED.equals(e.getSQLState())) {
                        throw new TooBroad();
                    }
                    throw e;
                }
                return hits;
            }
        });
    }

    @Override
    public void settle() {
        jdbc.execute("analyze search_posts");
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
}
