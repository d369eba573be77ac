package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.Flyway;
import org.hearth.identity.HandleSkeletonsMigration;
import org.hearth.testing.PostgresDatabase;
import org.hearth.testing.PostgresRequired;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.jsoup.nodes.Element;

/**
 * The promise that a reply Hearth acknowledged survives {@code kill -9}: a real Hearth process
 * takes replies from several members at once, is killed without warning mid-load, starts again
 * on the same data, and every reply it had acknowledged (answered with a redirect to it) is there.
 */
class CrashSafetyTest {

    private static final int WRITERS = 4;

    @Test
    void everyAcknowledgedReplySurvivesKillNineOnSqlite(@TempDir Path work) throws Exception {
        survivesKillNine(Benchmark.Database.sqlite(work.resolve("data")), work);
    }

    @Test
    @ExtendWith(PostgresRequired.class)
    void everyAcknowledgedReplySurvivesKillNineOnPostgres(@TempDir Path work) throws Exception {
        String name = "hearth_crash_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        survivesKillNine(Benchmark.Database.postgres(System.getenv(PostgresDatabase.URL_VARIABLE), name), work);
    }

    private static void survivesKillNine(Benchmark.Database database, Path work) throws Exception {
        try {
            Flyway.configure().dataSource(database.url(), null, null)
                    .locations("classpath:db/migration/common",
                            "classpath:db/migration/" + (database.postgres() ? "postgresql" : "sqlite"))
                    .javaMigrations(new HandleSkeletonsMigration()).load().migrate();
            SiteGenerator.Site site;
            try (Connection connection = database.connect()) {
                site = new SiteGenerator(Scale.S, 7).generate(connection, database.postgres());
            }
            List<String> settings = new ArrayList<>(database.settings());
            if (database.postgres()) {
                settings.add("--hearth.data-dir=" + work.resolve("data")); // where the secrets key goes
            }
            List<String> launch = List.of("-cp", BenchmarkArguments.applicationClassPath(), "org.hearth.HearthApplication");
            List<String> jvm = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                    "--enable-native-access=ALL-UNNAMED");
            int port = freePort();

            List<String> acknowledged = new CopyOnWriteArrayList<>();
            try (HearthProcess hearth = HearthProcess.start(launch, jvm, null, port, settings, work.resolve("first.log"))) {
                AtomicBoolean killed = new AtomicBoolean();
                List<Thread> writers = new ArrayList<>();
                for (int w = 0; w < WRITERS; w++) {
                    String handle = site.readerHandles().get(w);
                    String topic = site.replyTopicPaths().get(w % site.replyTopicPaths().size());
                    Visitor member = new Visitor(port);
                    member.signIn(handle, SiteGenerator.PASSWORD);
                    writers.add(Thread.ofPlatform().start(() -> {
                        for (int i = 0; !killed.get(); i++) {
                            String body = "survivor " + handle + " " + i;
                            try {
                                if (reply(member, topic, body)) {
                                    acknowledged.add(body);
                                }
                            } catch (RuntimeException connectionLost) {
                                return; // the process is gone
                            }
                        }
                    }));
                }
                long deadline = System.nanoTime() + 20_000_000_000L;
                while (acknowledged.size() < 60 && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                hearth.kill();
                killed.set(true);
                for (Thread writer : writers) {
                    writer.join();
                }
            }
            assertThat(acknowledged).as("replies acknowledged before the kill").hasSizeGreaterThanOrEqualTo(20);

            try (HearthProcess again = HearthProcess.start(launch, jvm, null, port, settings, work.resolve("second.log"))) {
                assertThat(storedBodies(database)).containsAll(acknowledged);
            }
        } finally {
            database.drop();
        }
    }

    /** Posts a reply the way a browser does, with the form's own fields; true once Hearth acknowledged it. */
    private static boolean reply(Visitor member, String topic, String body) {
        Element form = member.get(topic).document().selectFirst("form.composer");
        if (form == null) {
            return false;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input[type=hidden]")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.put("body", body);
        fields.put("contentWarning", "");
        Visitor.Response answer = member.post(form.attr("action"), fields);
        return answer.status() / 100 == 3 && answer.location() != null && !answer.location().contains("error");
    }

    private static Set<String> storedBodies(Benchmark.Database database) throws Exception {
        Set<String> bodies = new HashSet<>();
        try (Connection connection = database.connect(); Statement query = connection.createStatement();
                ResultSet rows = query.executeQuery("SELECT body_source FROM posts WHERE body_source LIKE 'survivor %'")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        }
        return bodies;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
