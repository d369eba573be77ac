package org.hearth.platform.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hearth.testing.OnSqlite;
import org.sqlite.SQLiteConfig.TransactionMode;
import org.sqlite.SQLiteConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;

/**
 * The file refuses writes as a read-only file does (SQLITE_READONLY): every pooled connection is
 * switched to {@code query_only}, which fails writes with that same error. The file itself
 * cannot be made read-only here, since tests may run as a user whom file permissions do not
 * stop. A read-only file still lets a transaction begin with {@code BEGIN IMMEDIATE};
 * {@code query_only} refuses that too, so meanwhile transactions begin as SQLite's default does.
 */
// leaves its database changed in ways other tests must not inherit
@DirtiesContext
@OnSqlite
class WritesRefusedOnSqliteTest extends WritesRefusedContract {

    @Autowired
    DataSource dataSource;

    @Override
    void refuseWrites() throws Exception {
        queryOnly(true);
    }

    @Override
    void allowWrites() throws Exception {
        queryOnly(false);
    }

    /** Holds every connection of the pool at once, so each one is switched. */
    private void queryOnly(boolean on) throws Exception {
        int size = ((HikariDataSource) dataSource).getMaximumPoolSize();
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                Connection connection = dataSource.getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA query_only = " + on);
                }
                connection.unwrap(SQLiteConnection.class).getConnectionConfig().setTransactionMode(on ? TransactionMode.DEFERRED
                        : TransactionMode.IMMEDIATE);
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }
}
