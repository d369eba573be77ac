package org.hearth.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * Creates a fresh PostgreSQL database for a test application on the server named by
 * {@code HEARTH_TEST_POSTGRES_URL} (a JDBC URL to any database there, e.g.
 * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}), and drops it when the
 * application closes.
 */
public class PostgresDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String URL_VARIABLE = "HEARTH_TEST_POSTGRES_URL";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String database = createEmpty();
        TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context,
                "hearth.database.url=" + withDatabase(serverUrl(), database));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                drop(database);
            }
        });
    }

    /** Creates a new, empty database on the test server and returns its name. */
    public static String createEmpty() {
        String database = "hearth_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(serverUrl(), "CREATE DATABASE " + database);
        return database;
    }

    /** The JDBC URL of a database on the test server. */
    public static String url(String database) {
        return withDatabase(serverUrl(), database);
    }

    public static void drop(String database) {
        // a pool may still be open; FORCE ends its connections
        execute(serverUrl(), "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    }

    private static String serverUrl() {
        String serverUrl = System.getenv(URL_VARIABLE);
        if (serverUrl == null || serverUrl.isBlank()) {
            throw new IllegalStateException(URL_VARIABLE + " is not set; PostgreSQL tests cannot run");
        }
        return serverUrl;
    }

    /** Replaces the database name in a JDBC URL, keeping host, port and parameters. */
    static String withDatabase(String url, String database) {
        int hostStart = url.indexOf("//") + 2;
        int pathStart = url.indexOf('/', hostStart);
        int query = url.indexOf('?');
        String base = pathStart < 0 ? (query < 0 ? url : url.substring(0, query)) : url.substring(0, pathStart);
        String params = query < 0 ? "" : url.substring(query);
        return base + "/" + database + params;
    }

    private static void execute(String url, String sql) {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + URL_VARIABLE + " refused: " + sql, e);
        }
    }

    /**
     * Makes the test database refuse writes as after a fail-over (or take them again), and
     * renews the pool's connections until every one has the setting: only new sessions take it,
     * and the pool may be opening some meanwhile.
     */
    public static void readOnly(com.zaxxer.hikari.HikariDataSource pool, boolean on) throws java.sql.SQLException {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(),
                pool.getPassword()); java.sql.Statement statement = connection.createStatement()) {
            statement.execute("SET default_transaction_read_only = off"); // this session may undo it
            statement.execute("ALTER DATABASE " + connection.getCatalog()
                    + (on ? " SET default_transaction_read_only = on" : " RESET default_transaction_read_only"));
        }
        String wanted = on ? "on" : "off";
        for (int round = 0; round < 50; round++) {
            boolean renewed = false;
            java.util.List<java.sql.Connection> held = new java.util.ArrayList<>();
            try {
                for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
                    held.add(pool.getConnection());
                }
                java.util.List<java.sql.Connection> stale = new java.util.ArrayList<>();
                for (java.sql.Connection connection : held) {
                    try (java.sql.Statement statement = connection.createStatement();
                            java.sql.ResultSet row = statement.executeQuery("SELECT current_setting('transaction_read_only')")) {
                        row.next();
                        if (!row.getString(1).equals(wanted)) {
                            stale.add(connection);
                        }
                    }
                }
                stale.forEach(pool::evictConnection);
                renewed = !stale.isEmpty();
            } finally {
                for (java.sql.Connection connection : held) {
                    if (!connection.isClosed()) {
                        connection.close();
                    }
                }
            }
            if (!renewed) {
                return;
            }
        }
        throw new IllegalStateException("the pool kept connections without transaction_read_only = " + wanted);
    }
}
