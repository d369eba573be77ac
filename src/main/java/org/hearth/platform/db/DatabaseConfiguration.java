package org.hearth.platform.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.jooq.autoconfigure.DefaultConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * One DataSource for either engine. SQLite runs in WAL mode with {@code synchronous=FULL}, so a
 * transaction that returned is on disk even if the machine loses power right after; writers
 * take the lock when they begin ({@code BEGIN IMMEDIATE}) so two writers wait for each other
 * instead of failing half-way.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    @Bean
    DataSource dataSource(DatabaseProperties database, @Value("${hearth.data-dir:./data}") Path dataDir) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("hearth");
        if (database.embedded()) {
            config.setDriverClassName(SqliteDriver.class.getName());
            config.setJdbcUrl(sqliteUrl(dataDir));
            config.setMaximumPoolSize(Math.max(2, database.poolSize()));
        } else {
            config.setJdbcUrl(database.url());
            config.setUsername(database.username());
            config.setPassword(database.password());
            config.setMaximumPoolSize(database.poolSize());
        }
        config.setConnectionTimeout(database.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(database.validationTimeout().toMillis(),
                database.connectionTimeout().toMillis() - 1));
        return new HikariDataSource(config);
    }

    /**
     * On SQLite one transaction writes at a time, and one that finds the file locked sleeps and
     * retries (its busy handler), leaving the lock idle meanwhile: under 32 concurrent replies
     * most of the time went to such sleeps. Here writers queue for the lock in the JVM instead,
     * in arrival order, and each begins the moment the previous one committed. Every transaction
     * queues (with {@code BEGIN IMMEDIATE} a read-only one takes the file's write lock too);
     * reads outside transactions never wait.
     */
    @Bean
    JdbcTransactionManager transactionManager(DataSource dataSource, DatabaseProperties database) {
        return database.embedded() ? new OneWriterAtATime(dataSource) : new JdbcTransactionManager(dataSource);
    }

    static final class OneWriterAtATime extends JdbcTransactionManager {

        private final ReentrantLock writer = new ReentrantLock(true);

        OneWriterAtATime(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        protected void doBegin(Object transaction, TransactionDefinition definition) {
            writer.lock();
            try {
                super.doBegin(transaction, definition);
            } catch (RuntimeException | Error e) {
                writer.unlock();
                throw e;
            }
        }

        @Override
        protected void doCleanupAfterCompletion(Object transaction) {
            try {
                super.doCleanupAfterCompletion(transaction);
            } finally {
                writer.unlock();
            }
        }
    }

    /**
     * jOOQ without the per-query work Hearth does not use: its debug logger (asked on every
     * query even when off) and fetching JDBC warnings after every statement.
     */
    @Bean
    DefaultConfigurationCustomizer leanQueries() {
        return configuration -> configuration.settings()
                .withExecuteLogging(false)
                .withFetchWarnings(false);
    }

    static String sqliteUrl(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the data directory " + dataDir.toAbsolutePath(), e);
        }
        Path file = dataDir.resolve("hearth.db").toAbsolutePath();
        return "jdbc:sqlite:" + file
                + "?journal_mode=WAL&synchronous=FULL&foreign_keys=true&busy_timeout=10000"
                + "&transaction_mode=IMMEDIATE";
    }
}
