package org.hearth.platform.backup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.hearth.HearthApplication;
import org.hearth.community.Access;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.Authenticator;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * A backup taken while members write brings back, in an empty place, a site with every write
 * acknowledged before the backup began, on which a member with a second factor signs in with
 * their authenticator app.
 */
@ExtendWith(OutputCaptureExtension.class)
public abstract class BackupContract extends HearthTest {

    private static final String KEY_MISMATCH = "accounts with an authenticator app have a secret that this server's secrets key does not open";

    @Autowired
    private Environment environment;

    /** A new, empty database to restore into: its URL, or empty for SQLite (the data directory is enough). */
    protected abstract String emptyDatabase();

    protected abstract void drop(String databaseUrl);

    @Test
    void aBackupTakenUnderWriteLoadRestoresEveryAcknowledgedReplyAndSecondFactorsStillWork(@TempDir Path temp,
            CapturedOutput output) throws Exception {
        String handle = unique("keeper");
        Visitor keeper = member(handle);
        Authenticator app = Authenticator.enrol(keeper, PASSWORD);

        Viewer writer = account(unique("writer"));
        String slug = community(writer, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Access access = access(slug, writer);
        String topic = started(access, writer, new Draft(TopicKind.DISCUSSION, "Night shifts", "Who else works nights?", null, false));

        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Throwable> failed = new AtomicReference<>();
        Thread load = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; !stop.get(); i++) {
                    String body = "reply number " + i;
                    replied(access, writer, topic, new Draft(null, null, body, null, false));
                    acknowledged.add(body); // only once the reply returned, that is, committed
                }
            } catch (Throwable t) {
                failed.set(t);
            }
        });
        Path backup = temp.resolve("backup");
        List<String> beforeBackup;
        try {
            while (acknowledged.size() < 20 && failed.get() == null) {
                Thread.sleep(10);
            }
            beforeBackup = List.copyOf(acknowledged);
            SiteBackup.backup(SiteBackup.Site.of(environment), backup);
            int afterBackup = acknowledged.size();
            while (acknowledged.size() < afterBackup + 5 && failed.get() == null) {
                Thread.sleep(10); // writes go on after the backup too, and are not waited for
            }
        } finally {
            stop.set(true);
            load.join();
        }
        assertThat(failed.get()).as("replies were refused while the backup ran").isNull();
        assertThat(backup.resolve("secrets.key")).exists();

        Path dataDir = temp.resolve("restored");
        String database = emptyDatabase();
        try {
            SiteBackup.Site restored = new SiteBackup.Site(dataDir, database, "", "", "");
            SiteBackup.restore(restored, backup);
            assertThat(dataDir.resolve("secrets.key")).hasSameTextualContentAs(backup.resolve("secrets.key"));
            try (ConfigurableApplicationContext site = new SpringApplicationBuilder(HearthApplication.class).run(
                    "--hearth.data-dir=" + dataDir, "--hearth.database.url=" + database, "--hearth.secrets.key=",
                    "--server.port=0")) {
                assertThat(output.getAll()).as("the restored key opens every secret").doesNotContain(KEY_MISMATCH);
                assertThat(replies(site.getBean(DataSource.class), topic)).containsAll(beforeBackup);

                Visitor member = new Visitor(Integer.parseInt(site.getEnvironment().getProperty("local.server.port")));
                member.signIn(handle, PASSWORD);
                assertThat(member.get("/me/profile").location()).as("the password alone is not enough").endsWith("/sign-in/second-factor");
                member.get("/sign-in/second-factor");
                member.submit("/sign-in/second-factor", Map.of("code", app.nextCode()));
                assertThat(member.get("/me/profile").status()).as("signed in with the app's code").isEqualTo(200);
            }
        } finally {
            if (!database.isEmpty()) {
                drop(database);
            }
        }
    }

    @Test
    void aRestoreWithoutItsKeyIsReportedAtStartAndMembersAreToldAtSignIn(@TempDir Path temp, CapturedOutput output)
            throws Exception {
        String handle = unique("forgotten");
        Authenticator app = Authenticator.enrol(member(handle), PASSWORD);
        Path backup = temp.resolve("backup");
        SiteBackup.backup(SiteBackup.Site.of(environment), backup);

        Path dataDir = temp.resolve("restored");
        String database = emptyDatabase();
        try {
            SiteBackup.restore(new SiteBackup.Site(dataDir, database, "", "", ""), backup);
            Files.delete(dataDir.resolve("secrets.key")); // as when only the database was copied back
            try (ConfigurableApplicationContext site = new SpringApplicationBuilder(HearthApplication.class).run(
                    "--hearth.data-dir=" + dataDir, "--hearth.database.url=" + database, "--hearth.secrets.key=",
                    "--server.port=0")) {
                String line = output.getAll().lines().filter(l -> l.contains(KEY_MISMATCH)).findFirst().orElseThrow(
                        () -> new AssertionError("no line at start says the key does not match"));
                // every account's secret was made with the forgotten key; a count, never a name
                assertThat(line).matches(".*\\b(\\d+) of \\1 " + KEY_MISMATCH + ".*").doesNotContain(handle);

                Visitor member = new Visitor(Integer.parseInt(site.getEnvironment().getProperty("local.server.port")));
                member.signIn(handle, PASSWORD);
                var refused = member.post("/sign-in/second-factor", Map.of("code", app.nextCode()));
                assertThat(refused.status()).isEqualTo(401);
                assertThat(refused.document().select("#key-lost").text()).contains("Your recovery codes still work");
                member.get("/sign-in/second-factor");
                member.submit("/sign-in/second-factor", Map.of("code", app.recoveryCodes().get(0)));
                assertThat(member.get("/me/profile").status()).isEqualTo(200);
            }
        } finally {
            if (!database.isEmpty()) {
                drop(database);
            }
        }
    }

    @Test
    void theCommandBacksUpWithTheSitesSettingsAndNeverOverwritesAnEarlierBackup(@TempDir Path temp) throws Exception {
        SiteBackup.Site site = SiteBackup.Site.of(environment);
        String[] command = {"backup", temp.resolve("nightly").toString(), "--hearth.data-dir=" + site.dataDir(),
                "--hearth.database.url=" + site.databaseUrl()};
        assertThat(BackupCommand.run(command)).isZero();
        Path database = temp.resolve("nightly").resolve(site.embedded() ? "hearth.db" : "hearth.dump");
        assertThat(database).isNotEmptyFile();
        byte[] first = Files.readAllBytes(database);

        assertThat(BackupCommand.run(command)).as("refused: the directory holds a backup").isEqualTo(1);
        assertThat(Files.readAllBytes(database)).isEqualTo(first);
        assertThat(BackupCommand.run(new String[] {"--server.port=0"})).as("no command: Hearth starts").isEqualTo(-1);
    }

    private static Set<String> replies(DataSource dataSource, String topic) throws Exception {
        Set<String> bodies = new HashSet<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("SELECT body_source FROM posts WHERE topic_id = ?")) {
            query.setString(1, topic);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    bodies.add(rows.getString(1));
                }
            }
        }
        return bodies;
    }
}
