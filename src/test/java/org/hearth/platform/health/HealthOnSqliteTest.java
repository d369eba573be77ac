package org.hearth.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.springframework.test.annotation.DirtiesContext;
import org.hearth.testing.OnSqlite;
import org.junit.jupiter.api.Test;

// leaves its database changed in ways other tests must not inherit
@DirtiesContext
@OnSqlite
class HealthOnSqliteTest extends HealthContract {

    /**
     * Every connection set to {@code query_only}, so SQLite refuses writes as it does with a
     * read-only file (tests run as root here, who may write any file whatever its mode).
     */
    @Override
    AutoCloseable refuseWrites() throws SQLException {
        queryOnly(true);
        return () -> {
            queryOnly(false);
            renewConnections();
        };
    }

    @Override
    String refusalInWords() {
        return "the database refuses writes: connections are read-only (query_only)";
    }

    /** A trigger refusing the test write (SQLite reports it as a constraint failed by a trigger). */
    @Override
    AutoCloseable refuseTheTestWrite() {
        db.execute("CREATE TRIGGER write_check_refused BEFORE UPDATE ON write_check BEGIN SELECT RAISE(ABORT, 'no'); END");
        return () -> db.execute("DROP TRIGGER write_check_refused");
    }

    @Override
    String testWriteRefusalInWords() {
        return "the test write failed (SQLite code 19)";
    }

    /**
     * The database file and its log made immutable: even root cannot write them, as no one can
     * write a file on a disk gone read-only. Open connections are refused too.
     */
    @Test
    void aDatabaseFileThatCannotBeWrittenMakesHealthDown() throws Exception {
        Path file = dataDir.resolve("hearth.db");
        Path[] files = {file, file.resolveSibling("hearth.db-wal")};
        assumeTrue(chattr("+i", files), "chattr +i works here (root, on a file system that has it)");
        String handle = unique("immutable");
        try {
            assertThatThrownBy(() -> account(handle)).as("SQLite really cannot write");
            var health = visitor().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"db\":{\"description\":\"the database file or its directory cannot be written");
            assertThat(visitor().get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            chattr("-i", files);
            renewConnections();
        }
        account(unique("back"));
        assertThat(visitor().get("/actuator/health").status()).isEqualTo(200);
    }

    private static boolean chattr(String change, Path... files) throws Exception {
        boolean done = true;
        for (Path file : files) {
            Process process = new ProcessBuilder("chattr", change, file.toString()).redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            done &= process.waitFor() == 0;
        }
        return done;
    }

    /**
     * A connection that met a refused write can stay unusable once writes work again (sqlite-jdbc
     * then believes a transaction is open, and every later commit on it fails with "no transaction
     * is active"); the pool's new connections are sound.
     */
    private void renewConnections() {
        ((HikariDataSource) dataSource).getHikariPoolMXBean().softEvictConnections();
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
