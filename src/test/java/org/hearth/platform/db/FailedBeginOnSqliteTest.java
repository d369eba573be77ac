package org.hearth.platform.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hearth.testing.HearthTest;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A transaction that could not begin (the file held by another process past the busy timeout)
 * leaves its connection able to begin the next one properly: that one's rollback undoes its
 * rows, and its commit keeps them.
 */
// shortens the busy timeout of every pooled connection
@DirtiesContext
@OnSqlite
class FailedBeginOnSqliteTest extends HearthTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionThatCouldNotBeginLeavesItsConnectionAbleToBeginTheNext() throws Exception {
        jdbc.execute("CREATE TABLE begin_check (n INTEGER NOT NULL)");
        busyTimeoutOfEveryPooledConnection(100);
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        int size = ((HikariDataSource) dataSource).getMaximumPoolSize();

        try (Connection otherProcess = DriverManager.getConnection(((HikariDataSource) dataSource).getJdbcUrl());
                Statement lock = otherProcess.createStatement()) {
            lock.execute("PRAGMA busy_timeout = 100");
            lock.execute("BEGIN IMMEDIATE");
            for (int i = 0; i < size; i++) {
                assertThatThrownBy(() -> transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO begin_check VALUES (1)")))
                        .isInstanceOf(CannotCreateTransactionException.class);
            }
            lock.execute("ROLLBACK");
        }

        for (int i = 0; i < size; i++) {
            assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
                jdbc.update("INSERT INTO begin_check VALUES (2)");
                throw new IllegalStateException("changed its mind");
            })).hasMessage("changed its mind");
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM begin_check", Integer.class))
                .as("rows of transactions that rolled back").isZero();

        for (int i = 0; i < size; i++) {
            transaction.executeWithoutResult(status -> jdbc.update("INSERT INTO begin_check VALUES (3)"));
        }
        assertThat(jdbc.queryForObject("SELECT count(*) FROM begin_check WHERE n = 3", Integer.class)).isEqualTo(size);
        jdbc.execute("DROP TABLE begin_check");
    }

    /** Holds every connection of the pool at once, so each one is changed. */
    private void busyTimeoutOfEveryPooledConnection(int millis) throws Exception {
        List<Connection> all = new ArrayList<>();
        try {
            for (int i = 0; i < ((HikariDataSource) dataSource).getMaximumPoolSize(); i++) {
                Connection connection = dataSource.getConnection();
                all.add(connection);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("PRAGMA busy_timeout = " + millis);
                }
            }
        } finally {
            for (Connection connection : all) {
                connection.close();
            }
        }
    }
}
