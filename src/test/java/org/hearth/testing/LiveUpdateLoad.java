package org.hearth.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Load client for live topic pages: opens {@code readers} event streams on one topic (as
 * anonymous readers, so the topic must be public), waits until the server has sent every one
 * its first comment (it does so once the stream is registered), then posts one reply as a
 * signed-in member and measures, for each reader, the time from just before the post until the
 * reply's event arrives.
 *
 * <pre>
 * java ... org.hearth.testing.LiveUpdateLoad BASE_URL TOPIC_PATH READERS SESSION_COOKIE [CSRF_TOKEN] [TIMEOUT_SECONDS]
 * e.g.  http://127.0.0.1:8080 /c/diabetes/t/AbC... 10000 HEARTH_SESSION=... - 60
 * </pre>
 *
 * The member must belong to the topic's community. Without a CSRF token (or with "-") the form
 * token is read from the topic page with the session cookie. Prints one line:
 * {@code readers=N received=R errors=E p50_ms=.. p90_ms=.. p99_ms=.. max_ms=..}; errors are
 * streams that could not be opened or broke before the reply came, and readers neither
 * received nor in error simply had not seen the reply when the time ran out.
 *
 * <p>Every stream is its own HTTP/1.1 connection, as in browsers: 10 000 readers need 10 000
 * file descriptors in this process (and as many in the server's), so run the server in another
 * process. Streams are opened in batches, and lines are handled as they arrive on a few threads,
 * with no thread per stream.
 *
 * <p>The server caps open streams ({@code hearth.live.max-streams}; by default what its heap
 * holds, e.g. 10 000 from -Xmx1536m, about 6 500 with -Xmx1g) and answers 503 past it, which
 * counts here as errors. It notices readers who hung up only when a heartbeat to them fails, up
 * to two heartbeats later ({@code hearth.live.heartbeat}, 25 s): wait about a minute between
 * runs against the same server, or the last run's readers still count against the cap.
 */
public final class LiveUpdateLoad {

    private static final int BATCH = 250;
    private static final int READERS_PER_CLIENT = 1000;
    private static final Duration BATCH_TIMEOUT = Duration.ofSeconds(60);

    private LiveUpdateLoad() {
    }

    /** What one run measured; times in milliseconds over the readers that received the reply. */
    public record Result(int readers, int received, int errors, double p50Ms, double p90Ms, double p99Ms, double maxMs) {

        public String line() {
            return String.format(Locale.ROOT, "readers=%d received=%d errors=%d p50_ms=%.1f p90_ms=%.1f p99_ms=%.1f max_ms=%.1f",
                    readers, received, errors, p50Ms, p90Ms, p99Ms, maxMs);
        }
    }

    public static void main(String[] args) {
        if (args.length < 4) {
            System.err.println("usage: LiveUpdateLoad BASE_URL TOPIC_PATH READERS SESSION_COOKIE [CSRF_TOKEN|-] [TIMEOUT_SECONDS]");
            System.exit(2);
        }
        String csrf = args.length > 4 && !args[4].equals("-") ? args[4] : null;
        Duration timeout = Duration.ofSeconds(args.length > 5 ? Long.parseLong(args[5]) : 60);
        Result result = run(URI.create(args[0]), args[1], Integer.parseInt(args[2]), args[3], csrf, timeout);
        System.out.println(result.line());
    }

    /**
     * Runs once. {@code sessionCookie} is "NAME=value" (a bare value is taken as HEARTH_SESSION);
     * {@code csrfToken} may be null to read it from the topic page; {@code timeout} runs from the
     * post of the reply.
     */
    public static Result run(URI base, String topicPath, int readers, String sessionCookie, String csrfToken,
            Duration timeout) {
        String cookie = sessionCookie.contains("=") ? sessionCookie : "HEARTH_SESSION=" + sessionCookie;
        String marker = "live-load-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        URI stream = base.resolve(topicPath + "/live");
        // a few threads handle every connection's lines; none waits on a stream
        ExecutorService executor = Executors.newFixedThreadPool(Math.max(2, Runtime.getRuntime().availableProcessors()),
                Thread.ofPlatform().daemon().name("live-load-", 0).factory());
        List<HttpClient> clients = new ArrayList<>();
        List<Reader> all = new ArrayList<>(readers);
        try {
            for (int i = 0; i < (readers + READERS_PER_CLIENT - 1) / READERS_PER_CLIENT; i++) {
                clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                        .connectTimeout(Duration.ofSeconds(30)).build());
            }
            for (int from = 0; from < readers; from += BATCH) {
                List<CompletableFuture<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(readers, from + BATCH); i++) {
                    Reader reader = new Reader(marker);
                    all.add(reader);
                    reader.open(clients.get(i / READERS_PER_CLIENT), stream);
                    batch.add(reader.connected.exceptionally(failure -> null));
                }
                await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), BATCH_TIMEOUT);
            }
            String token = csrfToken != null && !csrfToken.isBlank() ? csrfToken : csrfFrom(base.resolve(topicPath), cookie);

            long start = System.nanoTime();
            post(base.resolve(topicPath + "/replies"), cookie, token, "Checking in from the load test: " + marker);
            long deadline = start + timeout.toNanos();
            for (Reader reader : all) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                await(reader.done, Duration.ofNanos(left));
            }
            return result(all, start);
        } finally {
            all.forEach(Reader::hangUp);
            clients.forEach(HttpClient::shutdownNow);
            executor.shutdownNow();
        }
    }

    private static Result result(List<Reader> readers, long start) {
        double[] millis = readers.stream().filter(r -> r.receivedAt != 0)
                .mapToDouble(r -> (r.receivedAt - start) / 1_000_000.0).sorted().toArray();
        int errors = (int) readers.stream().filter(r -> r.receivedAt == 0 && r.failed).count();
        return new Result(readers.size(), millis.length, errors, percentile(millis, 0.50), percentile(millis, 0.90),
                percentile(millis, 0.99), millis.length == 0 ? 0 : millis[millis.length - 1]);
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static String csrfFrom(URI page, String cookie) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(page).header("Cookie", cookie).GET().build());
        if (response.statusCode() != 200 || !response.body().contains("name=\"_csrf\"")) {
            throw new IllegalStateException("No form token on " + page + " (HTTP " + response.statusCode()
                    + "): is the session cookie signed in, and a member of the community?");
        }
        return FormToken.on(response.body());
    }

    private static void post(URI replies, String cookie, String token, String body) {
        String form = "body=" + URLEncoder.encode(body, StandardCharsets.UTF_8) + "&contentWarning=&_csrf="
                + URLEncoder.encode(token, StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(replies).header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
        if (response.statusCode() / 100 != 3) {
            throw new IllegalStateException("Posting the reply answered HTTP " + response.statusCode()
                    + " instead of a redirect to the reply");
        }
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build()) {
            return client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void await(CompletableFuture<?> future, Duration timeout) {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // counted per reader
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** One reader's stream: connected at its first comment, done when the reply's marker arrived. */
    private static final class Reader extends StreamedLines {

        private final String marker;
        private boolean matched;

        Reader(String marker) {
            this.marker = marker;
        }

        void open(HttpClient client, URI stream) {
            open(client, HttpRequest.newBuilder(stream).header("Accept", "text/event-stream").GET().build());
        }

        @Override
        public void onNext(String line) {
            if (line.startsWith(":")) {
                connected.complete(null);
            } else if (line.startsWith("data:") && line.contains(marker)) {
                matched = true;
            } else if (line.isEmpty() && matched) {
                arrived();
            }
        }
    }
}
