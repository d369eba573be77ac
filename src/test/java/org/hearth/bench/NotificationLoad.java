package org.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.LongSupplier;
import org.hearth.testing.FormToken;
import org.hearth.testing.StreamedLines;

/**
 * What notifications cost, seen from outside Hearth: how long a reply's fan-out takes until
 * every follower's row and mail are in the database, and how soon members who keep their unread
 * count open ({@code /me/notifications/live}) see it change.
 */
final class NotificationLoad {

    private static final Duration FAN_OUT_TIMEOUT = Duration.ofMinutes(3);
    private static final int STREAM_BATCH = 250;
    private static final int STREAMS_PER_CLIENT = 1000;

    private NotificationLoad() {
    }

    /**
     * One reply's fan-out: its own latency, then the time from its acknowledgement until all rows,
     * and all mails, were there; the mails' time is NaN when fewer were queued than there are
     * followers (counted once every row was there: rows and mail are one transaction).
     */
    record Round(int followers, double replyMillis, double rowsMillis, double mailsMillis, long rows, long mails,
            double cpuMillis) {

        String line() {
            return String.format(Locale.ROOT, "reply %.1f ms; %d rows after %.0f ms, %d mails queued%s; %.1f ms of Hearth's CPU",
                    replyMillis, rows, rowsMillis, mails, Double.isNaN(mailsMillis) ? " (not all)"
                            : String.format(Locale.ROOT, " after %.0f ms", mailsMillis), cpuMillis);
        }
    }

    /**
     * Posts one reply to the topic (none of whose followers has an unread notification of it yet)
     * and polls the database every 10 ms until each follower has a row and a queued mail, or
     * until three minutes have passed. Mail is counted by its member, so the reply must be the only
     * thing mailing its followers meanwhile.
     */
    static Round fanOut(HttpClient http, URI base, String topicPath, String topicId, int followers, String cookie,
            String csrf, Benchmark.Database database, LongSupplier hearthCpuNanos) throws Exception {
        try (Connection db = database.connect();
                PreparedStatement rows = db.prepareStatement(
                        "SELECT COUNT(*) FROM notifications WHERE topic_id = ? AND kind = 'REPLY' AND read_at IS NULL");
                PreparedStatement mailed = db.prepareStatement("SELECT COUNT(*) FROM mail_outbox"
                        + " WHERE member_id IN (SELECT member_id FROM topic_followers WHERE topic_id = ?)")) {
            rows.setString(1, topicId);
            mailed.setString(1, topicId);
            // the same members follow other topics too: count the mail this reply adds
            long mailedBefore = count(mailed);
            LongSupplierWithSql mails = () -> count(mailed) - mailedBefore;
            long cpuBefore = hearthCpuNanos.getAsLong();
            long sent = System.nanoTime();
            postReply(http, base, topicPath, cookie, csrf, "Thank you, this is what I needed to hear today.");
            long acknowledged = System.nanoTime();
            long deadline = acknowledged + FAN_OUT_TIMEOUT.toNanos();
            long rowsAt = 0;
            long mailsAt = 0;
            long rowCount = 0;
            long mailCount = 0;
            // the rows and the mail are written in one transaction: once every row is there, the mail queued is all there is
            while (rowsAt == 0 && System.nanoTime() < deadline) {
                rowCount = count(rows);
                mailCount = mails.get();
                long now = System.nanoTime();
                if (mailsAt == 0 && mailCount >= followers) {
                    mailsAt = now;
                }
                if (rowCount >= followers) {
                    rowsAt = now;
                    mailCount = mails.get();
                } else {
                    Thread.sleep(10);
                }
            }
            long cpuAfter = hearthCpuNanos.getAsLong();
            if (rowsAt == 0) {
                throw new IllegalStateException("the fan-out of one reply to " + followers + " followers did not finish within "
                        + FAN_OUT_TIMEOUT.toMinutes() + " minutes: " + rowCount + " rows, " + mailCount + " mails");
            }
            if (mailsAt == 0 && mailCount >= followers) {
                mailsAt = rowsAt;
            }
            return new Round(followers, millis(acknowledged - sent), millis(rowsAt - acknowledged),
                    mailsAt == 0 ? Double.NaN : millis(mailsAt - acknowledged),
                    rowCount, mailCount, cpuBefore < 0 || cpuAfter < 0 ? Double.NaN : millis(cpuAfter - cpuBefore));
        }
    }

    private interface LongSupplierWithSql {
        long get() throws SQLException;
    }

    /** Items still waiting in the notification queue. */
    static long waiting(Benchmark.Database database) throws SQLException {
        return database.count("notification_events");
    }

    private static long count(PreparedStatement statement) throws SQLException {
        try (ResultSet r = statement.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }

    static void postReply(HttpClient http, URI base, String topicPath, String cookie, String csrf, String body)
            throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(base.resolve(topicPath + "/replies"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(csrf) + "&body=" + encode(body) + "&contentWarning="))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("posting a reply to " + topicPath + " answered " + response.statusCode());
        }
    }

    /**
     * Signs these members in through Hearth's own sign-in form, a few at a time, and returns
     * their session cookies in the same order. The sessions are Hearth's own rows (Spring Session
     * in the database), so they outlive a restart of Hearth on the same database.
     */
    static List<String> signIn(URI base, List<String> handles, String password, int parallel) throws Exception {
        String[] cookies = new String[handles.size()];
        try (ExecutorService pool = Executors.newFixedThreadPool(parallel);
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build()) {
            List<CompletableFuture<Void>> all = new ArrayList<>();
            for (int i = 0; i < handles.size(); i++) {
                int index = i;
                all.add(CompletableFuture.runAsync(() -> {
                    try {
                        cookies[index] = signIn(http, base, handles.get(index), password);
                    } catch (IOException | InterruptedException e) {
                        throw new IllegalStateException("could not sign in " + handles.get(index), e);
                    }
                }, pool));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        return Arrays.asList(cookies);
    }

    private static String signIn(HttpClient http, URI base, String handle, String password)
            throws IOException, InterruptedException {
        HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/sign-in")).build(),
                HttpResponse.BodyHandlers.ofString());
        String cookie = sessionCookie(form, null);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(FormToken.on(form.body())) + "&handle="
                        + encode(handle) + "&password=" + encode(password)))
                .build(), HttpResponse.BodyHandlers.ofString());
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (signedIn.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("could not sign in " + handle + ": " + signedIn.statusCode() + " " + location);
        }
        return sessionCookie(signedIn, cookie);
    }

    private static String sessionCookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HEARTH_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((a, b) -> b).orElse(previous);
    }

    /**
     * What one live-count run measured: members whose stream opened, those whose count came
     * after the reply, those whose stream failed, and arrival times (ms) after the reply was
     * acknowledged; the reply's own latency beside them.
     */
    record Counts(int members, int connected, int received, int errors, double replyMillis, double p50Millis,
            double p90Millis, double p99Millis, double maxMillis) {

        String line() {
            return String.format(Locale.ROOT, "members=%d connected=%d received=%d errors=%d reply_ms=%.1f after the reply: p50_ms=%.1f"
                    + " p90_ms=%.1f p99_ms=%.1f max_ms=%.1f", members, connected, received, errors, replyMillis, p50Millis,
                    p90Millis, p99Millis, maxMillis);
        }
    }

    /**
     * Opens one count stream per session (each its own HTTP/1.1 connection, as a browser tab
     * would), waits until each has its first count, posts one reply to the topic they follow and
     * times, for each stream, the next count after the reply's acknowledgement. A count that
     * arrives before the acknowledgement (the fan-out can be quicker than the redirect) counts as
     * zero.
     */
    static Counts liveCounts(URI base, List<String> cookies, String topicPath, String posterCookie, String posterCsrf,
            Duration timeout) throws Exception {
        URI live = base.resolve("/me/notifications/live");
        ExecutorService executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("live-count-", 0).factory());
        List<HttpClient> clients = new ArrayList<>();
        List<Stream> streams = new ArrayList<>(cookies.size());
        try (HttpClient poster = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(30)).build()) {
            for (int i = 0; i < (cookies.size() + STREAMS_PER_CLIENT - 1) / STREAMS_PER_CLIENT; i++) {
                clients.add(HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(executor)
                        .connectTimeout(Duration.ofSeconds(30)).build());
            }
            for (int from = 0; from < cookies.size(); from += STREAM_BATCH) {
                List<CompletableFuture<?>> batch = new ArrayList<>();
                for (int i = from; i < Math.min(cookies.size(), from + STREAM_BATCH); i++) {
                    Stream stream = new Stream();
                    streams.add(stream);
                    stream.open(clients.get(i / STREAMS_PER_CLIENT), live, cookies.get(i));
                    batch.add(stream.connected.exceptionally(failure -> null));
                }
                await(CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)), Duration.ofSeconds(60));
            }
            int connected = (int) streams.stream().filter(s -> s.connected.isDone() && !s.connected.isCompletedExceptionally()).count();
            long sent = System.nanoTime();
            streams.forEach(s -> s.replySent = sent);
            postReply(poster, base, topicPath, posterCookie, posterCsrf, "Thinking of all of you this evening.");
            long acknowledged = System.nanoTime();
            long deadline = acknowledged + timeout.toNanos();
            for (Stream stream : streams) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                await(stream.done, Duration.ofNanos(left));
            }
            double[] millis = streams.stream().filter(s -> s.receivedAt != 0)
                    .mapToDouble(s -> Math.max(0, s.receivedAt - acknowledged) / 1_000_000.0).sorted().toArray();
            int errors = (int) streams.stream().filter(s -> s.receivedAt == 0 && s.failed).count();
            return new Counts(cookies.size(), connected, millis.length, errors, millis(acknowledged - sent),
                    percentile(millis, 0.50), percentile(millis, 0.90), percentile(millis, 0.99),
                    millis.length == 0 ? 0 : millis[millis.length - 1]);
        } finally {
            streams.forEach(Stream::hangUp);
            clients.forEach(HttpClient::shutdownNow);
            executor.shutdownNow();
        }
    }

    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static void await(CompletableFuture<?> future, Duration timeout) throws InterruptedException {
        try {
            future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
            // counted per stream
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** One member's count stream: connected at the count it opens with, done at the next count after the reply was sent. */
    private static final class Stream extends StreamedLines {

        private boolean unreadEvent;
        volatile long replySent;

        void open(HttpClient client, URI live, String cookie) {
            open(client, HttpRequest.newBuilder(live).header("Accept", "text/event-stream").header("Cookie", cookie).GET().build());
        }

        @Override
        public void onNext(String line) {
            if (line.equals("event:unread")) {
                unreadEvent = true;
            } else if (line.isEmpty() && unreadEvent) {
                unreadEvent = false;
                if (!connected.isDone()) {
                    connected.complete(null); // the count when the stream opened
                } else if (replySent != 0) {
                    arrived();
                }
            }
        }
    }
}
