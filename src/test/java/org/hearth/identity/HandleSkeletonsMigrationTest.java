package org.hearth.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.hearth.testing.PostgresDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Migration 14.1 on a database that already has members, as an upgraded site has: every handle
 * gets its skeleton, the oldest of look-alikes keeps it, the younger keeps its name and is left
 * for the administrator's list, and deleted accounts clash with no one. On both engines.
 */
class HandleSkeletonsMigrationTest {

    @Test
    void onSqlite() throws Exception {
        Path dir = Files.createTempDirectory("hearth-migration-");
        upgradeAndCheck("jdbc:sqlite:" + dir.resolve("hearth.db"), "sqlite");
    }

    @Test
    void onPostgres() throws Exception {
        String server = System.getenv(PostgresDatabase.URL_VARIABLE);
        if (server == null || server.isBlank()) {
            assertThat(System.getenv("CI")).as("CI runs the PostgreSQL tests").isNotEqualTo("true");
            Assumptions.abort("no PostgreSQL to test on");
        }
        String database = "hearth_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        execute(server, "CREATE DATABASE " + database);
        try {
            int hostStart = server.indexOf("//") + 2;
            int pathStart = server.indexOf('/', hostStart);
            int query = server.indexOf('?');
            upgradeAndCheck(server.substring(0, pathStart) + "/" + database + (query < 0 ? "" : server.substring(query)), "postgresql");
        } finally {
            execute(server, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
        }
    }

    private static void upgradeAndCheck(String url, String vendor) throws Exception {
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .target("14").load().migrate();
        try (Connection db = DriverManager.getConnection(url)) {
            insert(db, "m-original", "fern", "fern", 1);
            insert(db, "m-cyrillic", "f\u0435rn", "f\u0435rn", 2); // Cyrillic е, made before look-alikes were refused
            insert(db, "m-fullwidth", "\uFF4D\uFF4F\uFF53\uFF53", "\uFF4D\uFF4F\uFF53\uFF53", 3);
            insert(db, "m-deleted-1", "former member", "~m-deleted-1", 4);
            insert(db, "m-deleted-2", "former member", "~m-deleted-2", 5);
        }
        Flyway.configure().dataSource(url, null, null).locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .javaMigrations(new HandleSkeletonsMigration()).load().migrate();
        Map<String, String[]> rows = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url); Statement select = db.createStatement();
                ResultSet r = select.executeQuery("SELECT id, handle, handle_key, handle_skeleton FROM members")) {
            while (r.next()) {
                rows.put(r.getString(1), new String[] {r.getString(2), r.getString(3), r.getString(4)});
            }
        }
        assertThat(rows.get("m-original")[2]).isEqualTo(Handles.skeleton("fern"));
        assertThat(rows.get("m-cyrillic")[0]).as("never silently changed").isEqualTo("f\u0435rn");
        assertThat(rows.get("m-cyrillic")[2]).as("left for the administrator's list").isNull();
        assertThat(rows.get("m-fullwidth")[1]).as("signs in as typed in plain letters").isEqualTo("moss");
        assertThat(rows.get("m-fullwidth")[2]).isEqualTo(Handles.skeleton("moss"));
        assertThat(rows.get("m-deleted-1")[2]).isEqualTo("~m-deleted-1");
        assertThat(rows.get("m-deleted-2")[2]).isEqualTo("~m-deleted-2");
    }

    private static void insert(Connection db, String id, String handle, String key, long createdAt) throws Exception {
        try (PreparedStatement insert = db.prepareStatement("INSERT INTO members (id, handle, handle_key, created_at) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, handle);
            insert.setString(3, key);
            insert.setLong(4, createdAt);
            insert.executeUpdate();
        }
    }

    private static void execute(String url, String sql) throws Exception {
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
