package org.hearth.platform.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hearth.platform.schema.Tables.WRITE_CHECK;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Status;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Health says whether Hearth can write, not only whether a connection opens, without writing
 * on every probe, and answers within a second even when the database does not.
 */
abstract class HealthContract extends HearthTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    DSLContext db;

    @Autowired
    RecentWrites writes;

    @Autowired
    Clock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    DatabaseProperties database;

    @Value("${hearth.data-dir}")
    Path dataDir;

    /** Makes the database refuse every write, as this engine does for real; closing undoes it. */
    abstract AutoCloseable refuseWrites() throws Exception;

    /** What health names as the reason when {@link #refuseWrites} is in force. */
    abstract String refusalInWords();

    /** Makes the database refuse the test write only, in a way no reading check can see. */
    abstract AutoCloseable refuseTheTestWrite();

    /** What health names as the reason when {@link #refuseTheTestWrite} is in force. */
    abstract String testWriteRefusalInWords();

    @Test
    void healthAndReadinessAreUpWhileWritesWork() {
        var health = visitor().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body()).contains("\"db\":{\"status\":\"UP\"}").endsWith("\"status\":\"UP\"}");
        var readiness = visitor().get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.body()).contains("\"db\":{\"status\":\"UP\"}").contains("\"readinessState\":{\"status\":\"UP\"}");
    }

    @Test
    void aWriteThatCommittedSparesTheTestWrite() {
        long before = clock.millis();
        account(unique("writer"));
        assertThat(writes.lastSuccessMillis()).as("the account's commit was noticed").isGreaterThanOrEqualTo(before);
        long testWritten = testWritten();
        for (int i = 0; i < 3; i++) {
            assertThat(visitor().get("/actuator/health").status()).isEqualTo(200);
        }
        assertThat(testWritten()).as("no test write while real writes succeed").isEqualTo(testWritten);
    }

    @Test
    void withoutARecentCommitTheCheckWritesOnceAnIntervalAndSaysWhyThatFailed() throws Exception {
        // checks of their own, which know of no commit yet, on the application's database
        DatabaseHealth check = new DatabaseHealth(dataSource, db, transactions, new RecentWrites(clock),
                new HealthCheckProperties(Duration.ofMinutes(1), Duration.ofSeconds(1)), database, clock, dataDir);
        long before = testWritten();
        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
        long written = testWritten();
        assertThat(written).as("the first check writes").isGreaterThan(before);
        assertThat(check.health().getStatus()).isEqualTo(Status.UP);
        assertThat(testWritten()).as("at most once an interval").isEqualTo(written);

        DatabaseHealth another = new DatabaseHealth(dataSource, db, transactions, new RecentWrites(clock),
                new HealthCheckProperties(Duration.ofMinutes(1), Duration.ofSeconds(1)), database, clock, dataDir);
        try (var refused = refuseTheTestWrite()) {
            var health = another.health();
            assertThat(health.getStatus().getCode()).isEqualTo("DOWN");
            assertThat(health.getStatus().getDescription()).isEqualTo(testWriteRefusalInWords());
        } finally {
            account(unique("after")); // the application's own check learns that writes work
        }
    }

    private long testWritten() {
        return db.select(WRITE_CHECK.WRITTEN_AT).from(WRITE_CHECK).fetchSingle().value1();
    }

    @Test
    void healthAndReadinessSayDownWithAReasonWhileTheDatabaseRefusesWrites() throws Exception {
        String handle = unique("refused");
        try (var refused = refuseWrites()) {
            assertThatThrownBy(() -> account(handle)).as("the database really refuses writes");
            var health = visitor().get("/actuator/health");
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("\"db\":{\"description\":\"" + refusalInWords())
                    .contains("\"status\":\"DOWN\"").doesNotContain(handle).doesNotContain("Exception");
            var readiness = visitor().get("/actuator/health/readiness");
            assertThat(readiness.status()).isEqualTo(503);
            assertThat(readiness.body()).contains(refusalInWords()).endsWith("\"status\":\"DOWN\"}");
            assertThat(visitor().get("/actuator/health/liveness").status())
                    .as("the process itself is fine: no restart wanted").isEqualTo(200);
        }
        account(unique("back")); // writes work again
        assertThat(visitor().get("/actuator/health").status()).isEqualTo(200);
        assertThat(visitor().get("/actuator/health/readiness").status()).isEqualTo(200);
    }

    @Test
    void healthAnswersWithinASecondWhenTheDatabaseDoesNotAnswer() throws Exception {
        List<Connection> held = holdEveryConnection();
        try {
            long start = System.nanoTime();
            Visitor.Response health = visitor().get("/actuator/health");
            long tookMillis = (System.nanoTime() - start) / 1_000_000;
            assertThat(tookMillis).isLessThan(2000);
            assertThat(health.status()).isEqualTo(503);
            assertThat(health.body()).contains("the database did not answer within 1 s");
            assertThat(visitor().get("/actuator/health/readiness").status()).isEqualTo(503);
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        long until = System.nanoTime() + 5_000_000_000L;
        int status;
        do {
            status = visitor().get("/actuator/health").status();
        } while (status != 200 && System.nanoTime() < until);
        assertThat(status).as("UP again once the database answers").isEqualTo(200);
    }

    /** Every connection of the pool, taken at once, so nothing else in Hearth gets one. */
    List<Connection> holdEveryConnection() throws SQLException {
        int size = ((HikariDataSource) dataSource).getMaximumPoolSize();
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < size; i++) {
                held.add(dataSource.getConnection());
            }
        } catch (SQLException | RuntimeException e) {
            for (Connection connection : held) {
                connection.close();
            }
            throw e;
        }
        return held;
    }
}
