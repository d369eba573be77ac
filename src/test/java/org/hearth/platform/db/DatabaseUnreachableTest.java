package org.hearth.platform.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.hearth.testing.HearthTest;
import org.hearth.testing.PostgresDatabase;
import org.hearth.testing.PostgresRequired;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.support.TestPropertySourceUtils;

/**
 * PostgreSQL out of reach: Hearth talks to its database through a relay that this test cuts,
 * as a network failure would. Everyone then gets Hearth's page saying so, within a few seconds,
 * and pages come back once the database is reachable again.
 */
@ExtendWith(PostgresRequired.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {PostgresDatabase.class, DatabaseUnreachableTest.ThroughARelay.class})
@DirtiesContext
class DatabaseUnreachableTest extends HearthTest {

    static Relay relay;

    @Test
    void whileTheDatabaseCannotBeReachedEveryoneIsToldSoInWordsAndPagesComeBackAfterwards() throws Exception {
        Visitor member = member(unique("patient"));
        assertThat(member.get("/").status()).isEqualTo(200);

        relay.cut();
        try {
            for (Visitor someone : new Visitor[] {visitor(), member}) {
                long start = System.nanoTime();
                var page = someone.get("/");
                // not asserted (shared machines are slow at times); read it in the test output
                System.out.printf("Answered in %d ms while the database was unreachable%n", (System.nanoTime() - start) / 1_000_000);
                assertThat(page.status()).isEqualTo(503);
                assertThat(page.document().select("h1").text()).isEqualTo("Hearth cannot reach its data right now");
                assertThat(page.text()).contains("Please try again in a few minutes").doesNotContain("Exception")
                        .doesNotContain("Tomcat");
            }
        } finally {
            relay.restore();
        }
        long back = System.nanoTime();
        int status = 0;
        for (int attempt = 0; attempt < 10 && status != 200; attempt++) {
            status = visitor().get("/").status();
        }
        System.out.printf("Pages came back %d ms after the database%n", (System.nanoTime() - back) / 1_000_000);
        assertThat(status).as("pages come back with the database").isEqualTo(200);
    }

    /** Points Hearth at a relay in front of the test database. */
    static final class ThroughARelay implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            String url = context.getEnvironment().getProperty("hearth.database.url");
            URI address = URI.create(url.substring("jdbc:".length()));
            try {
                relay = new Relay(new InetSocketAddress(address.getHost(), address.getPort()));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            TestPropertySourceUtils.addInlinedPropertiesToEnvironment(context, "hearth.database.url="
                    + url.replace(address.getHost() + ":" + address.getPort(), "127.0.0.1:" + relay.port));
        }
    }

    /** Copies bytes both ways between Hearth and PostgreSQL until it is cut. */
    static final class Relay {

        private final InetSocketAddress target;
        private final int port;
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private volatile ServerSocket server;

        Relay(InetSocketAddress target) throws IOException {
            this.target = target;
            this.port = listen(0);
        }

        private int listen(int on) throws IOException {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), on));
            server = socket;
            Thread.ofVirtual().start(() -> accept(socket));
            return socket.getLocalPort();
        }

        private void accept(ServerSocket socket) {
            while (!socket.isClosed()) {
                try {
                    Socket client = socket.accept();
                    Socket database = new Socket(target.getAddress(), target.getPort());
                    open.add(client);
                    open.add(database);
                    Thread.ofVirtual().start(() -> copy(client, database));
                    Thread.ofVirtual().start(() -> copy(database, client));
                } catch (IOException e) {
                    return; // cut
                }
            }
        }

        private static void copy(Socket from, Socket to) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException e) {
                // one side closed: the other follows
            } finally {
                try {
                    from.close();
                    to.close();
                } catch (IOException e) {
                    // already closed
                }
            }
        }

        /** Closes every connection and stops answering new ones. */
        void cut() throws IOException {
            server.close();
            for (Socket socket : open) {
                socket.close();
            }
            open.clear();
        }

        void restore() throws IOException {
            listen(port);
        }
    }
}
