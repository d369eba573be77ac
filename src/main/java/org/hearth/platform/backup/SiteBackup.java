package org.hearth.platform.backup;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.springframework.core.env.Environment;

/**
 * A copy of everything a site needs to come back: the database and the secrets key that opens
 * the second-factor secrets inside it, written together into one directory while Hearth serves.
 * <p>
 * SQLite: {@code VACUUM INTO} reads the database in one read transaction (WAL lets Hearth keep
 * writing meanwhile) and writes a compact, consistent file. SQLite's online backup API was the
 * other way, but it starts over whenever another connection writes, so under steady posting it
 * may never finish. PostgreSQL: {@code pg_dump}, which reads every table in one snapshot and
 * writes a file that {@code pg_restore} loads into any empty database of the same or a newer
 * PostgreSQL; operators know it and can check the file with their usual tools.
 */
public final class SiteBackup {

    static final String DATABASE_FILE = "hearth.db";
    static final String DUMP_FILE = "hearth.dump";
    static final String KEY_FILE = "secrets.key";

    private SiteBackup() {
    }

    /** Where this site keeps its data, as Hearth itself reads it from its configuration. */
    public record Site(Path dataDir, String databaseUrl, String username, String password, String configuredKey) {

        public static Site of(Environment environment) {
            return new Site(Path.of(environment.getProperty("hearth.data-dir", "./data")),
                    environment.getProperty("hearth.database.url", ""),
                    environment.getProperty("hearth.database.username", ""),
                    environment.getProperty("hearth.database.password", ""),
                    environment.getProperty("hearth.secrets.key", ""));
        }

        boolean embedded() {
            return databaseUrl == null || databaseUrl.isBlank();
        }
    }

    /** Something an operator must set right; the message says what, in words. */
    public static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }

        Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Writes the database and the secrets key into {@code target}, which must be new or empty. */
    public static void backup(Site site, Path target) {
        try {
            if (Files.exists(target) && (!Files.isDirectory(target) || hasFiles(target))) {
                throw new Refused(target + " is not empty: give a new directory for each backup");
            }
            Files.createDirectories(target);
            ownerOnly(target, "rwx------"); // the copy holds every member's words
            writeKey(target.resolve(KEY_FILE), currentKey(site));
            if (site.embedded()) {
                Path database = site.dataDir().resolve(DATABASE_FILE);
                if (Files.notExists(database)) {
                    throw new Refused("there is no database at " + database.toAbsolutePath() + " (is hearth.data-dir right?)");
                }
                Path copy = target.resolve(DATABASE_FILE).toAbsolutePath();
                try (Connection connection = DriverManager.getConnection(
                        "jdbc:sqlite:" + database.toAbsolutePath() + "?busy_timeout=10000");
                        Statement statement = connection.createStatement()) {
                    statement.execute("VACUUM INTO '" + copy.toString().replace("'", "''") + "'");
                }
                ownerOnly(copy, "rw-------");
                flush(copy);
            } else {
                Postgres postgres = Postgres.of(site);
                Path dump = target.resolve(DUMP_FILE).toAbsolutePath();
                postgres.run(List.of("pg_dump", "--format=custom", "--no-owner", "--no-privileges", "--file=" + dump));
                ownerOnly(dump, "rw-------");
                flush(dump);
            }
            flush(target);
        } catch (IOException e) {
            throw new Refused("cannot write the backup to " + target + ": " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new Refused("cannot read the database: " + e.getMessage(), e);
        }
    }

    /**
     * Puts a backup back into an empty place: no SQLite file in the data directory, or a
     * PostgreSQL database without tables. The secrets key goes to the data directory, unless
     * the site names its key in {@code hearth.secrets.key}, which must then be the backup's.
     */
    public static void restore(Site site, Path source) {
        try {
            String key = Files.readString(source.resolve(KEY_FILE)).strip();
            Path keyFile = site.dataDir().resolve(KEY_FILE);
            if (!site.configuredKey().isBlank()) {
                if (!site.configuredKey().strip().equals(key)) {
                    throw new Refused("hearth.secrets.key is not the key of this backup: set it to the content of "
                            + source.resolve(KEY_FILE) + " (or leave it empty to use the file)");
                }
            } else if (Files.exists(keyFile) && !Files.readString(keyFile).strip().equals(key)) {
                throw new Refused(keyFile.toAbsolutePath() + " holds another key: restore into an empty data directory");
            }
            if (site.embedded()) {
                Path copy = source.resolve(DATABASE_FILE);
                Path database = site.dataDir().resolve(DATABASE_FILE);
                if (Files.notExists(copy)) {
                    throw new Refused("there is no " + DATABASE_FILE + " in " + source + " (is it a backup of an SQLite site?)");
                }
                for (String name : List.of(DATABASE_FILE, DATABASE_FILE + "-wal", DATABASE_FILE + "-shm")) {
                    if (Files.exists(site.dataDir().resolve(name))) {
                        throw new Refused(site.dataDir().resolve(name).toAbsolutePath()
                                + " exists: restore into an empty data directory");
                    }
                }
                Files.createDirectories(site.dataDir());
                Path partial = site.dataDir().resolve(DATABASE_FILE + ".restoring");
                Files.copy(copy, partial, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                flush(partial);
                Files.move(partial, database, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            } else {
                Path dump = source.resolve(DUMP_FILE).toAbsolutePath();
                if (Files.notExists(dump)) {
                    throw new Refused("there is no " + DUMP_FILE + " in " + source + " (is it a backup of a PostgreSQL site?)");
                }
                Postgres postgres = Postgres.of(site);
                postgres.requireEmpty();
                postgres.run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error",
                        "--single-transaction", "--dbname=" + postgres.database, dump.toString()));
            }
            if (site.configuredKey().isBlank() && Files.notExists(keyFile)) {
                Files.createDirectories(site.dataDir());
                writeKey(keyFile, key);
            }
            flush(site.dataDir());
        } catch (IOException e) {
            throw new Refused("cannot restore from " + source + ": " + e.getMessage(), e);
        }
    }

    private static boolean hasFiles(Path directory) throws IOException {
        try (var entries = Files.list(directory)) {
            return entries.findAny().isPresent();
        }
    }

    private static String currentKey(Site site) throws IOException {
        if (!site.configuredKey().isBlank()) {
            return site.configuredKey().strip();
        }
        Path file = site.dataDir().resolve(KEY_FILE);
        if (Files.notExists(file)) {
            throw new Refused("there is no " + file.toAbsolutePath() + " and hearth.secrets.key is empty: "
                    + "give the same settings as the running site");
        }
        return Files.readString(file).strip();
    }

    private static void writeKey(Path file, String key) throws IOException {
        Files.writeString(file, key + "\n");
        ownerOnly(file, "rw-------");
        flush(file);
    }

    private static void ownerOnly(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the file keeps its directory's permissions
        }
    }

    /** On disk before we say it is done, as Hearth's own commits are. */
    private static void flush(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
                channel.force(true);
            } catch (IOException directoriesCannotBeOpened) {
                // some systems do not let a directory be synced; the files themselves were
            }
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** The PostgreSQL tools' view of a JDBC URL: libpq's environment variables. */
    private record Postgres(String jdbcUrl, Properties credentials, Map<String, String> environment, String database) {

        static Postgres of(Site site) {
            String url = site.databaseUrl();
            if (!url.startsWith("jdbc:postgresql://")) {
                throw new Refused("hearth.database.url is not a jdbc:postgresql:// URL");
            }
            String rest = url.substring("jdbc:postgresql://".length());
            int query = rest.indexOf('?');
            Map<String, String> parameters = new HashMap<>();
            if (query >= 0) {
                for (String pair : rest.substring(query + 1).split("&")) {
                    int eq = pair.indexOf('=');
                    if (eq > 0) {
                        parameters.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                    }
                }
                rest = rest.substring(0, query);
            }
            int slash = rest.indexOf('/');
            String hostPort = slash < 0 ? rest : rest.substring(0, slash);
            String database = slash < 0 ? "" : rest.substring(slash + 1);
            Map<String, String> environment = new HashMap<>();
            int colon = hostPort.lastIndexOf(':');
            environment.put("PGHOST", colon < 0 ? hostPort : hostPort.substring(0, colon));
            if (colon >= 0) {
                environment.put("PGPORT", hostPort.substring(colon + 1));
            }
            environment.put("PGDATABASE", database);
            String user = site.username().isBlank() ? parameters.getOrDefault("user", "") : site.username();
            String password = site.password().isBlank() ? parameters.getOrDefault("password", "") : site.password();
            if (!user.isBlank()) {
                environment.put("PGUSER", user);
            }
            if (!password.isBlank()) {
                environment.put("PGPASSWORD", password); // not on the command line, where others could read it
            }
            if (parameters.containsKey("sslmode")) {
                environment.put("PGSSLMODE", parameters.get("sslmode"));
            }
            Properties credentials = new Properties();
            if (!site.username().isBlank()) {
                credentials.setProperty("user", site.username());
            }
            if (!site.password().isBlank()) {
                credentials.setProperty("password", site.password());
            }
            return new Postgres(url, credentials, environment, database);
        }

        void requireEmpty() {
            try (Connection connection = DriverManager.getConnection(jdbcUrl, credentials);
                    Statement statement = connection.createStatement();
                    ResultSet tables = statement.executeQuery("SELECT count(*) FROM information_schema.tables "
                            + "WHERE table_schema NOT IN ('pg_catalog', 'information_schema')")) {
                tables.next();
                if (tables.getInt(1) > 0) {
                    throw new Refused("database " + database + " has tables: restore into a new, empty database (createdb)");
                }
            } catch (SQLException e) {
                throw new Refused("cannot open database " + database + ": " + e.getMessage(), e);
            }
        }

        void run(List<String> command) throws IOException {
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException notFound) {
                throw new Refused(command.get(0) + " was not found: install PostgreSQL's client tools "
                        + "(the same major version as the server or newer), e.g. apt-get install postgresql-client", notFound);
            }
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            try {
                if (process.waitFor() != 0) {
                    throw new Refused(command.get(0) + " failed: " + output);
                }
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                throw new Refused(command.get(0) + " was interrupted", e);
            }
        }
    }
}
