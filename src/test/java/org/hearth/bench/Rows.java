package org.hearth.bench;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGConnection;

/**
 * Rows for one table, held until {@link #flush()}: on PostgreSQL they go in with one
 * {@code COPY}, on SQLite as one batched prepared insert. Callers flush parents before children,
 * so foreign keys hold at every flush.
 */
final class Rows {

    private final String table;
    private final String[] columns;
    private final List<Object[]> pending = new ArrayList<>();
    private long written;

    Rows(String table, String... columns) {
        this.table = table;
        this.columns = columns;
    }

    void add(Object... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(table + " takes " + columns.length + " values");
        }
        pending.add(values);
    }

    int pending() {
        return pending.size();
    }

    long written() {
        return written;
    }

    void flush(Connection connection, boolean postgres) throws SQLException {
        if (pending.isEmpty()) {
            return;
        }
        if (postgres) {
            copy(connection);
        } else {
            insert(connection);
        }
        written += pending.size();
        pending.clear();
    }

    private void insert(Connection connection) throws SQLException {
        String sql = "INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + "?, ".repeat(columns.length - 1) + "?)";
        try (PreparedStatement insert = connection.prepareStatement(sql)) {
            for (Object[] row : pending) {
                for (int i = 0; i < row.length; i++) {
                    insert.setObject(i + 1, row[i]);
                }
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void copy(Connection connection) throws SQLException {
        StringBuilder text = new StringBuilder(pending.size() * 64);
        for (Object[] row : pending) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                appendCopyValue(text, row[i]);
            }
            text.append('\n');
        }
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        try {
            connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql, new StringReader(text.toString()));
        } catch (IOException e) {
            throw new SQLException("COPY into " + table + " failed", e);
        }
    }

    /** COPY's text format: \N for null, and backslash escapes for the separators. */
    private static void appendCopyValue(StringBuilder text, Object value) {
        if (value == null) {
            text.append("\\N");
            return;
        }
        String s = value.toString();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> text.append("\\\\");
                case '\t' -> text.append("\\t");
                case '\n' -> text.append("\\n");
                case '\r' -> text.append("\\r");
                default -> text.append(c);
            }
        }
    }
}
