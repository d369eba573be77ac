package org.hearth.testing;

import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A server-sent event stream read line by line, the way a browser's {@code EventSource} reads
 * it: events (id, name, data lines joined with newlines) and comments, in order, until the
 * server ends the stream or the test closes it.
 */
public final class EventStream implements AutoCloseable {

    /** One event; {@code data} is its data lines joined with "\n". */
    public record Event(String id, String name, String data) {
    }

    /** A comment line (": text"); the server sends them on connecting and to keep the line open. */
    public record Comment(String text) {
    }

    private record End() {
    }

    private final int status;
    private final String contentType;
    private final String body;
    private final Stream<String> lines;
    private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();

    EventStream(HttpResponse<Stream<String>> response) {
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        if (status != 200 || !contentType.startsWith("text/event-stream")) {
            this.body = lines.collect(Collectors.joining("\n"));
            received.add(new End());
        } else {
            this.body = null;
            Thread.ofVirtual().name("event-stream-reader").start(this::read);
        }
    }

    public int status() {
        return status;
    }

    public String contentType() {
        return contentType;
    }

    /** The whole body of a response that was not an event stream (an error page, say). */
    public String body() {
        return body;
    }

    private void read() {
        try {
            Iterator<String> it = lines.iterator();
            String id = null;
            String name = null;
            StringBuilder data = null;
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (data != null) {
                        received.add(new Event(id, name == null ? "message" : name, data.toString()));
                    }
                    name = null;
                    data = null;
                } else if (line.startsWith(":")) {
                    received.add(new Comment(line.substring(1).strip()));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields: nothing to record
                        }
                    }
                }
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            // closed by the test or by the server
        } finally {
            received.add(new End());
        }
    }

    /** The next event within the time given, skipping comments; null if none came or the stream ended. */
    public Event next(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Object item = poll(deadline);
            if (item == null || item instanceof End) {
                if (item instanceof End) {
                    received.add(item);
                }
                return null;
            }
            if (item instanceof Event event) {
                return event;
            }
        }
    }

    /** Waits for a comment with this text; false if it did not come in time. */
    public boolean awaitComment(String text, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Object item = poll(deadline);
            if (item == null || item instanceof End) {
                if (item instanceof End) {
                    received.add(item);
                }
                return false;
            }
            if (item instanceof Comment comment && comment.text().equals(text)) {
                return true;
            }
        }
    }

    /** Waits for the server to end the stream; events and comments before the end are dropped. */
    public boolean awaitEnd(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (true) {
            Object item = poll(deadline);
            if (item == null) {
                return false;
            }
            if (item instanceof End) {
                received.add(item);
                return true;
            }
        }
    }

    private Object poll(long deadline) {
        try {
            return received.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /** Hangs up, as a browser does when its tab closes. */
    @Override
    public void close() {
        lines.close();
    }
}
