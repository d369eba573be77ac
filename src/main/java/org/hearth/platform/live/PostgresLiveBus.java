package org.hearth.platform.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hearth.platform.db.DatabaseProperties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The bus of several nodes sharing one PostgreSQL database. Publishing is {@code pg_notify} on a
 * pooled connection; every node (this one included) hears it on a connection of its own that
 * does nothing but {@code LISTEN}, outside the pool so that no request ever borrows it. When
 * that connection breaks it is opened again, and listeners are told they may have missed
 * signals, so they can look for what is new.
 */
final class PostgresLiveBus implements LiveBus, SmartLifecycle, AutoCloseable {

    static final String CHANNEL = "hearth_live";
    private static final Logger log = LoggerFactory.getLogger(PostgresLiveBus.class);
    /** How long one wait for notifications lasts; between waits the connection is checked. */
    private static final int WAIT_MILLIS = 10_000;

    private final DatabaseProperties database;
    private final DataSource pool;
    /** The longest wait between attempts to listen again: once the database is back, live updates resume within it. */
    private final Duration maxBackoff;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService work = Executors.newVirtualThreadPerTaskExecutor();
    private volatile boolean running;
    /** Counts starts, so a listening thread left over from before a restart knows to end. */
    private volatile int generation;
    private volatile Connection listening;
    private Thread listener;

    PostgresLiveBus(DatabaseProperties database, DataSource pool, Duration maxBackoff) {
        this.database = database;
        this.pool = pool;
        this.maxBackoff = maxBackoff;
    }

    @Override
    public void publish(LiveSignal signal) {
        // on a thread of its own: the caller may still hold its transaction's connection, and a
        // notification sent on that one after its commit would never be delivered
        work.execute(() -> notifyAll(signal));
    }

    private void notifyAll(LiveSignal signal) {
        try (Connection connection = pool.getConnection();
                PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, signal.payload());
            notify.execute();
        } catch (SQLException e) {
            log.warn("Could not announce a live update to the other nodes: {}", e.getSQLState());
        }
    }

    @Override
    public void publishAll(java.util.Collection<LiveSignal> signals) {
        if (signals.isEmpty()) {
            return;
        }
        String[] payloads = signals.stream().map(LiveSignal::payload).toArray(String[]::new);
        work.execute(() -> {
            try (Connection connection = pool.getConnection();
                    PreparedStatement notify = connection.prepareStatement("select pg_notify(?, p) from unnest(?::text[]) as p")) {
                notify.setString(1, CHANNEL);
                notify.setArray(2, connection.createArrayOf("text", payloads));
                notify.execute();
            } catch (SQLException e) {
                log.warn("Could not announce live updates to the other nodes: {}", e.getSQLState());
            }
        });
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public void start() {
        running = true;
        Connection first = null;
        try {
            first = listen(); // the first LISTEN is in place before the node takes requests
        } catch (SQLException e) {
            log.warn("Live updates cannot listen to PostgreSQL yet ({}); trying again in the background", e.getSQLState());
        }
        Connection connection = first;
        int mine = ++generation;
        listener = Thread.ofPlatform().daemon().name("hearth-live-listener")
                .start(() -> listenUntilStopped(connection, mine));
    }

    private Connection listen() throws SQLException {
        Properties properties = new Properties();
        if (database.username() != null && !database.username().isBlank()) {
            properties.setProperty("user", database.username());
        }
        if (database.password() != null && !database.password().isBlank()) {
            properties.setProperty("password", database.password());
        }
        properties.setProperty("ApplicationName", "hearth-live");
        properties.setProperty("tcpKeepAlive", "true");
        // a server that vanished without closing the connection is noticed at the next check
        properties.setProperty("socketTimeout", "60");
        // an unreachable server is given up on as soon as a request would give up on it
        properties.setProperty("connectTimeout", Long.toString(Math.max(1, database.connectionTimeout().toSeconds())));
        Connection connection = DriverManager.getConnection(database.url(), properties);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + CHANNEL);
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        listening = connection;
        return connection;
    }

    private void listenUntilStopped(Connection first, int mine) {
        Connection connection = first;
        Duration backoff = Duration.ofMillis(500);
        boolean missed = false;
        int failedAttempts = 0; // during an outage one line says it began and one that it ended
        while (listening(mine)) {
            try {
                if (connection == null) {
                    connection = listen();
                    missed = true;
                }
                if (missed) {
                    missed = false;
                    backoff = Duration.ofMillis(500);
                    work.execute(this::tellMissed);
                }
                if (failedAttempts > 0) {
                    log.info("Live updates listen to PostgreSQL again, after {} failed attempts", failedAttempts);
                    failedAttempts = 0;
                }
                receive(connection, mine);
            } catch (SQLException e) {
                if (!listening(mine)) {
                    break;
                }
                if (failedAttempts++ == 0) {
                    log.warn("Live updates lost their PostgreSQL connection ({}); trying again every {} s at most",
                            e.getSQLState(), maxBackoff.toSeconds());
                }
                close(connection);
                connection = null;
                missed = true;
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        close(connection);
    }

    /** Hands notifications to the listeners until the connection fails or the bus stops. */
    private void receive(Connection connection, int mine) throws SQLException {
        PGConnection postgres = connection.unwrap(PGConnection.class);
        while (listening(mine)) {
            PGNotification[] notifications = postgres.getNotifications(WAIT_MILLIS);
            if (notifications == null || notifications.length == 0) {
                try (Statement check = connection.createStatement()) {
                    check.execute("select 1"); // fails if the connection died quietly
                }
                continue;
            }
            for (PGNotification notification : notifications) {
                LiveSignal signal = LiveSignal.parse(notification.getParameter());
                if (signal != null) {
                    work.execute(() -> InProcessLiveBus.deliver(listeners, signal));
                }
            }
        }
    }

    private boolean listening(int mine) {
        return running && generation == mine;
    }

    private void tellMissed() {
        for (Listener listener : listeners) {
            try {
                listener.mayHaveMissedSignals();
            } catch (RuntimeException e) {
                log.warn("A live update listener failed", e);
            }
        }
    }

    @Override
    public void stop() {
        running = false;
        Connection connection = listening;
        if (connection != null) {
            try {
                connection.abort(Runnable::run); // closes the socket at once, waking the listening thread
            } catch (SQLException e) {
                // already closed
            }
        }
        if (listener != null) {
            try {
                listener.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** After the last stop: the node may be stopped and started again before (Spring pauses idle contexts). */
    @Override
    public void close() {
        work.shutdown();
        try {
            work.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // already broken; nothing to release
            }
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
