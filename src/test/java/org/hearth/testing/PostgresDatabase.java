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
}
