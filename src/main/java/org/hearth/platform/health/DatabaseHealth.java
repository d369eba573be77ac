package org.hearth.platform.health;

import static org.hearth.platform.schema.Tables.WRITE_CHECK;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code db} part of health: UP only while Hearth can write. A connection that opens says
 * little (SQLite opens a file it cannot write, read-only, without complaint), so each check
 * reads what would stop writes (PostgreSQL: a standby or a read-only session; SQLite:
 * {@code query_only} and the permissions of the file and its directory), then trusts the last
 * committed write if it is recent; only when none committed within
 * {@code hearth.health.write-check-interval} does it rewrite one row of its own.
 *
 * <p>The check runs on a thread of its own and health waits at most
 * {@code hearth.health.answer-within} for it: a database that does not answer (or a pool with
 * no connection to spare) makes health DOWN at once rather than after the pool's wait, and
 * later probes wait on that same check rather than piling up new ones.
 */
@Component("dbHealthIndicator")
class DatabaseHealth implements HealthIndicator {

    private static final Logger log = LoggerFactory.getLogger(DatabaseHealth.class);

    private final DataSource dataSource;
    private final DSLContext db;
    private final TransactionTemplate ownTransaction;
    private final RecentWrites writes;
    private final HealthCheckProperties settings;
    private final Clock clock;
    private final boolean sqlite;
    private final Path sqliteFile;

    private final Object checking = new Object();
    private CompletableFuture<Health> running;
    private long lastTestWriteMillis = -1;
    private volatile Status lastStatus;

    DatabaseHealth(DataSource dataSource, DSLContext db, PlatformTransactionManager transactions, RecentWrites writes,
            HealthCheckProperties settings, DatabaseProperties database, Clock clock,
            @Value("${hearth.data-dir:./data}") Path dataDir) {
        this.dataSource = dataSource;
        this.db = db;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.writes = writes;
        this.settings = settings;
        this.clock = clock;
        this.sqlite = database.embedded();
        this.sqliteFile = dataDir.resolve("hearth.db").toAbsolutePath();
    }

    @Override
    public Health health() {
        CompletableFuture<Health> check;
        synchronized (checking) {
            if (running == null || running.isDone()) {
                CompletableFuture<Health> started = new CompletableFuture<>();
                Thread.ofVirtual().name("hearth-health").start(() -> {
                    try {
                        started.complete(check());
                    } catch (RuntimeException | Error e) {
                        started.complete(down(WriteFailures.describe(e)));
                    }
                });
                running = started;
            }
            check = running;
        }
        Health health;
        try {
            health = check.get(settings.answerWithin().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            health = down("the database did not answer within " + words(settings.answerWithin().toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            health = Health.unknown().build();
        } catch (ExecutionException e) {
            health = down(WriteFailures.describe(e.getCause()));
        }
        tellTheLogWhenItChanges(health.getStatus());
        return health;
    }

    private Health check() {
        String refusal;
        try {
            refusal = sqlite ? sqliteRefusal() : postgresRefusal();
        } catch (SQLException | RuntimeException e) {
            return down(WriteFailures.describe(e));
        }
        if (refusal != null) {
            return down(refusal);
        }
        long now = clock.millis();
        long interval = settings.writeCheckInterval().toMillis();
        boolean testWriteDue;
        synchronized (checking) {
            // a failure since the last commit is checked again too, so health comes back soon after writes do
            testWriteDue = lastTestWriteMillis < now - interval
                    && (writes.lastSuccessMillis() < now - interval || writes.failureSinceLastSuccess() != null);
            if (testWriteDue) {
                lastTestWriteMillis = now;
            }
        }
        if (testWriteDue) {
            testWrite(now);
        }
        RecentWrites.Failure failure = writes.failureSinceLastSuccess();
        if (failure != null) {
            return down(failure.reason());
        }
        return withTimes(Health.up()).build();
    }

    /** Rewrites the one row of {@code write_check}, queued like every other write. */
    private void testWrite(long now) {
        try {
            ownTransaction.executeWithoutResult(status -> db.update(WRITE_CHECK)
                    .set(WRITE_CHECK.WRITTEN_AT, now)
                    .where(WRITE_CHECK.ID.eq(1))
                    .execute());
            writes.succeeded();
        } catch (RuntimeException e) {
            writes.failedWith(WriteFailures.describe(e));
        }
    }

    private String postgresRefusal() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT pg_is_in_recovery(), current_setting('transaction_read_only')")) {
            row.next();
            if (row.getBoolean(1)) {
                return "the database is a standby (in recovery) and takes no writes";
            }
            if ("on".equals(row.getString(2))) {
                return "the database refuses writes: sessions are read-only (default_transaction_read_only)";
            }
            return null;
        }
    }

    private String sqliteRefusal() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("PRAGMA query_only")) {
            row.next();
            if (row.getInt(1) != 0) {
                return "the database refuses writes: connections are read-only (query_only)";
            }
        }
        // Checked after a connection opened: SQLite opens a file it cannot write without complaint.
        for (Path path : new Path[] {sqliteFile, sqliteFile.getParent(), sibling("-wal"), sibling("-shm")}) {
            if (Files.exists(path) && !Files.isWritable(path)) {
                return "the database file or its directory cannot be written (check owner and permissions of the data directory)";
            }
        }
        return null;
    }

    private Path sibling(String suffix) {
        return sqliteFile.resolveSibling(sqliteFile.getFileName() + suffix);
    }

    private Health down(String reason) {
        // The reason is the status's description, shown wherever the status is: it names no one and no place.
        return withTimes(Health.status(new Status(Status.DOWN.getCode(), reason))).build();
    }

    private Health.Builder withTimes(Health.Builder health) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("database", sqlite ? "SQLite" : "PostgreSQL");
        long success = writes.lastSuccessMillis();
        details.put("lastWrite", success < 0 ? "none since start" : Instant.ofEpochMilli(success).toString());
        RecentWrites.Failure failure = writes.failureSinceLastSuccess();
        if (failure != null) {
            details.put("writesFailingSince", Instant.ofEpochMilli(failure.atMillis()).toString());
        }
        return health.withDetails(details);
    }

    /** One line when writes stop or come back, not one per probe. */
    private void tellTheLogWhenItChanges(Status status) {
        Status before = lastStatus;
        lastStatus = status;
        if (before == null || before.getCode().equals(status.getCode())) {
            if (before == null && !Status.UP.equals(status)) {
                log.warn("Health: Hearth cannot write to its database: {}", status.getDescription());
            }
            return;
        }
        if (Status.UP.getCode().equals(status.getCode())) {
            log.info("Health: Hearth can write to its database again");
        } else {
            log.warn("Health: Hearth cannot write to its database: {}", status.getDescription());
        }
    }

    private static String words(long millis) {
        return millis % 1000 == 0 ? (millis / 1000) + " s" : millis + " ms";
    }
}
