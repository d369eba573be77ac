package org.hearth.platform.health;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

/**
 * Why a write failed, in words an operator understands. Only codes are read, never the
 * database's message, which can quote the data that was being written.
 */
final class WriteFailures {

    private WriteFailures() {
    }

    /** The reason when this failure means the database takes no writes at all; empty otherwise. */
    static Optional<String> cannotWrite(Throwable failure) {
        SQLException sql = sqlCause(failure);
        if (sql == null) {
            return Optional.empty();
        }
        if (sql instanceof SQLTransientConnectionException) {
            return Optional.of("no database connection could be had");
        }
        String state = sql.getSQLState() == null ? "" : sql.getSQLState();
        if (isSqlite(sql)) {
            return Optional.ofNullable(switch (sql.getErrorCode() & 0xff) {
                case 8 -> "the database refuses writes: it is read-only (file permissions, a read-only disk or query_only)";
                case 13 -> "the disk holding the database is full";
                case 10 -> "the disk reported an input/output error";
                case 5, 6 -> "the database stayed locked by another writer";
                case 14 -> "the database file cannot be opened";
                case 11, 26 -> "the database file is damaged";
                default -> null;
            });
        }
        if (state.equals("25006")) {
            return Optional.of("the database refuses writes: it is read-only (a standby, or default_transaction_read_only)");
        }
        if (state.equals("53100")) {
            return Optional.of("the disk holding the database is full");
        }
        if (state.equals("58030")) {
            return Optional.of("the database server reported an input/output error");
        }
        if (state.startsWith("08")) {
            return Optional.of("the database cannot be reached");
        }
        if (state.startsWith("57P")) {
            return Optional.of("the database server is shutting down or starting up");
        }
        if (state.startsWith("53")) {
            return Optional.of("the database server is out of resources (connections, memory or disk)");
        }
        if (state.startsWith("28")) {
            return Optional.of("the database refused Hearth's user name or password");
        }
        if (state.equals("3D000")) {
            return Optional.of("the database does not exist");
        }
        return Optional.empty();
    }

    /** Words for any failure of the health check's own write, known kind or not. */
    static String describe(Throwable failure) {
        return cannotWrite(failure).orElseGet(() -> {
            SQLException sql = sqlCause(failure);
            if (sql == null) {
                return "the test write failed (" + failure.getClass().getSimpleName() + ")";
            }
            return isSqlite(sql) ? "the test write failed (SQLite code " + sql.getErrorCode() + ")"
                    : "the test write failed (SQL state " + sql.getSQLState() + ")";
        });
    }

    private static boolean isSqlite(SQLException sql) {
        return sql.getClass().getName().startsWith("org.sqlite.");
    }

    private static SQLException sqlCause(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql;
            }
        }
        return null;
    }
}
