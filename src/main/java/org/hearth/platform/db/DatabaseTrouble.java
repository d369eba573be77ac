package org.hearth.platform.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a failure says about the database, in the two cases a person can be told about: it
 * refuses writes but still answers reads (PostgreSQL after a fail-over, a read-only or full
 * SQLite file, a disk that fails to write), or it cannot be reached at all.
 */
public enum DatabaseTrouble {

    WRITES_REFUSED("database refused writes"),
    UNREACHABLE("database could not be reached");

    /** Request attribute naming the trouble that failed a request, for its error page. */
    public static final String REQUEST_ATTRIBUTE = DatabaseTrouble.class.getName();

    private static final int SQLITE_BUSY = 5;
    private static final int SQLITE_READONLY = 8;
    private static final int SQLITE_IOERR = 10;
    private static final int SQLITE_FULL = 13;
    private static final Pattern QUOTED = Pattern.compile("\"[^\"]*\"|'[^']*'|\\([^)]*\\)|=\\S+");

    private final String inWords;

    DatabaseTrouble(String inWords) {
        this.inWords = inWords;
    }

    /** How a log line names this trouble. */
    public String inWords() {
        return inWords;
    }

    /** The trouble this failure (or anything that caused it) shows, if any. */
    public static Optional<DatabaseTrouble> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return Optional.of(UNREACHABLE); // the pool gave up waiting for a connection
            }
            if (cause instanceof SQLException sql && closedByThePool(sql)) {
                return Optional.of(UNREACHABLE);
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState() == null ? "" : sql.getSQLState();
                // 25006: read-only transaction; 53100: disk full; 58030: I/O error
                if (state.equals("25006") || state.equals("53100") || state.equals("58030")) {
                    return Optional.of(WRITES_REFUSED);
                }
                if (state.startsWith("08") || state.equals("57P01") || state.equals("57P03")) {
                    return Optional.of(UNREACHABLE); // connection failure, shutdown, not yet accepting
                }
                if (cause.getClass().getName().equals("org.sqlite.SQLiteException")) {
                    int primary = sql.getErrorCode() & 0xff; // extended result codes keep the primary one in the low byte
                    // busy: another program held the file's write lock past the busy timeout
                    if (primary == SQLITE_BUSY || primary == SQLITE_READONLY || primary == SQLITE_IOERR
                            || primary == SQLITE_FULL) {
                        return Optional.of(WRITES_REFUSED);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The pool answers every later call on a connection it found broken with "Connection is
     * closed", without a state: a rollback after a connection failed then reports this instead of
     * the failure, which Spring only logs.
     */
    private static boolean closedByThePool(SQLException e) {
        StackTraceElement[] at = e.getStackTrace();
        return e.getSQLState() == null && "Connection is closed".equals(e.getMessage()) && at.length > 0
                && at[0].getClassName().startsWith("com.zaxxer.hikari.");
    }

    /**
     * The deepest cause's class and the first line of its message with quoted values, values in
     * parentheses and {@code key=value} details taken out: databases quote the data that broke a
     * statement (a duplicate e-mail address, a handle), and logs never hold personal data.
     */
    public static String withoutData(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        message = QUOTED.matcher(message).replaceAll("…");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        String state = root instanceof SQLException sql && sql.getSQLState() != null ? " [SQLState " + sql.getSQLState() + "]" : "";
        return root.getClass().getName() + state + (message.isBlank() ? "" : ": " + message);
    }
}
