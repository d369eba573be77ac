package org.hearth.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.transaction.TransactionSystemException;

/** What a failure says about the database, for the failures met when a connection broke. */
class DatabaseTroubleTest {

    @Test
    void aConnectionThePoolClosedAfterItBrokeCountsAsUnreachable(@TempDir Path dir) throws Exception {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:sqlite:" + dir.resolve("t.db"));
        config.setMaximumPoolSize(1);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            Connection connection = pool.getConnection();
            // the pool puts the same stand-in behind a connection it found broken as behind one closed
            connection.close();
            SQLException closed = null;
            try {
                connection.rollback();
            } catch (SQLException e) {
                closed = e;
            }
            assertThat((Throwable) closed).as("the pool answers a call on it").isNotNull();
            var rollbackFailed = new TransactionSystemException("JDBC rollback failed", closed);
            assertThat(DatabaseTrouble.of(rollbackFailed)).contains(DatabaseTrouble.UNREACHABLE);
        }
        assertThat(DatabaseTrouble.of(new SQLException("Connection is closed"))).as("the same words from elsewhere").isEmpty();
        assertThat(DatabaseTrouble.of(new SQLException("syntax error", "42601"))).isEmpty();
    }
}
