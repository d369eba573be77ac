package org.hearth.search;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;

/** The parts of the index's SQL that both engines write alike: lists of bound values, and the scope of a search. */
final class SqlLists {

    /** Bound values per statement at most: SQLite allows 32 766, PostgreSQL 65 535. */
    private static final int PART = 500;

    private SqlLists() {
    }

    static String marks(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }

    static List<List<String>> parts(Collection<String> values) {
        List<String> all = List.copyOf(values);
        List<List<String>> parts = new ArrayList<>();
        for (int from = 0; from < all.size(); from += PART) {
            parts.add(all.subList(from, Math.min(all.size(), from + PART)));
        }
        return parts;
    }

    /**
     * " and ..." conditions for the scope, on columns prefixed with {@code alias}; its values
     * appended. {@code no} is the engine's false. Hidden posts only where the searcher moderates.
     */
    static String scope(SearchIndex.Scope scope, String alias, String no, List<Object> values) {
        StringBuilder where = new StringBuilder(" and ").append(alias).append("community_id in (").append(marks(scope.communities().size()))
                .append(')');
        values.addAll(scope.communities());
        if (scope.moderated().isEmpty()) {
            where.append(" and ").append(alias).append("hidden = ").append(no);
        } else {
            where.append(" and (").append(alias).append("hidden = ").append(no).append(" or ").append(alias).append("community_id in (")
                    .append(marks(scope.moderated().size())).append("))");
            values.addAll(scope.moderated());
        }
        if (scope.kind() != null) {
            where.append(" and ").append(alias).append("kind = ?");
            values.add(scope.kind().name());
        }
        if (scope.authorId() != null) {
            where.append(" and ").append(alias).append("author_id = ?");
            values.add(scope.authorId());
        }
        if (scope.from() != null) {
            where.append(" and ").append(alias).append("created_at >= ?");
            values.add(scope.from());
        }
        if (scope.until() != null) {
            where.append(" and ").append(alias).append("created_at < ?");
            values.add(scope.until());
        }
        return where.toString();
    }
}
