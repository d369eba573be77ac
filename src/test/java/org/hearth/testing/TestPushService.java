package org.hearth.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A push service the tests run (the JDK's HTTP server on a free local port): it keeps what each
 * browser's address was sent, headers and body, and answers as a real one does: 201 Created,
 * 410 Gone for an address under {@code /gone/}, 500 for one under {@code /broken/}.
 */
public final class TestPushService implements AutoCloseable {

    /** One message as it arrived. */
    public record Received(Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name)).findFirst()
                    .map(e -> e.getValue().getFirst()).orElse(null);
        }
    }

    private final HttpServer server;
    private final Map<String, List<Received>> received = new ConcurrentHashMap<>();

    private TestPushService(HttpServer server) {
        this.server = server;
    }

    public static TestPushService start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            TestPushService service = new TestPushService(server);
            server.createContext("/", exchange -> {
                String path = exchange.getRequestURI().getPath();
                byte[] body = exchange.getRequestBody().readAllBytes();
                service.received.computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
                        .add(new Received(Map.copyOf(exchange.getRequestHeaders()), body));
                int status = path.startsWith("/gone/") ? 410 : path.startsWith("/broken/") ? 500 : 201;
                exchange.sendResponseHeaders(status, -1);
                exchange.close();
            });
            server.start();
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The origin to allow in {@code hearth.push.services}. */
    public String origin() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** An address for a new browser, answered as {@code kind} says ("push", "gone" or "broken"). */
    public String endpoint(String kind, String name) {
        return origin() + "/" + kind + "/" + name;
    }

    /** What was sent to this address so far. */
    public List<Received> sentTo(String endpoint) {
        return received.getOrDefault(java.net.URI.create(endpoint).getPath(), List.of());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
