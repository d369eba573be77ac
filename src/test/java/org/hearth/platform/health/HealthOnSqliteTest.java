package org.hearth.platform.health;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.hearth.testing.OnSqlite;

@OnSqlite
class HealthOnSqliteTest extends HealthContract {

    /**
     * Every connection set to {@code query_only}, so SQLite refuses writes as it does with a
     * read-only file (tests run as root here, who may write any file whatever its mode).
     */
    @Override
    AutoCloseable refuseWrites() throws SQLException {
        queryOnly(true);
        return () -> queryOnly(false);
    }

    @Override
    String refusalInWords() {
        return "the database refuses writes: connections are read-only (query_only)";
    }

    private void queryOnly(boolean on) throws SQLException {
        List<Connection> every = holdEveryConnection();
        try {
            for (Connection connection : every) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = " + (on ? "ON" : "OFF"));
                }
            }
        } finally {
            for (Connection connection : every) {
                connection.close();
            }
        }
    }
}
