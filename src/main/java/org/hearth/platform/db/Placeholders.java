package org.hearth.platform.db;

/**
 * The bind markers of an SQL {@code in (...)} list. Queries are built with jOOQ's DSL, except the
 * few that run on every signed-in page: those are SQL text run with Spring's {@code JdbcClient},
 * because jOOQ's rendering, parsing and reading of result metadata cost several times what
 * running them does (JFR profiles in docs/topic-page-cost.md).
 */
public final class Placeholders {

    private Placeholders() {
    }

    /** {@code "?, ?, ?"} for three; at least one. */
    public static String of(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("an in list needs at least one value");
        }
        return "?" + ", ?".repeat(count - 1);
    }
}
