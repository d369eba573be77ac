package org.hearth.platform;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hearth.platform.db.DatabaseTrouble;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Logs failures so that an outage stays readable: the first failure of a cause with its stack
 * trace, then one line per cause and interval with how often it happened. During an outage
 * every request fails the same way, and a trace for each filled the disk at 2 MB a second.
 * A cause is its kind and the deepest exception's class and message with data taken out, so
 * no personal data reaches the log. A cause quiet for a whole interval is forgotten: when it
 * comes back, its trace is logged again.
 */
@Component
public class RepeatedFailures {

    private static final Logger log = LoggerFactory.getLogger(RepeatedFailures.class);

    private final Clock clock;
    private final Duration interval;
    private final Map<String, Seen> causes = new ConcurrentHashMap<>();

    RepeatedFailures(Clock clock, @Value("${hearth.log.repeated-failures-interval:1m}") Duration interval) {
        this.clock = clock;
        this.interval = interval;
    }

    private static final class Seen {
        final AtomicLong since = new AtomicLong();
        volatile long lastMillis;
    }

    /** Notes a failure; only the first of its cause is written out at once. */
    public void record(Throwable failure) {
        String kind = DatabaseTrouble.of(failure).map(DatabaseTrouble::inWords).orElse("requests failed");
        String cause = kind + ": " + DatabaseTrouble.withoutData(failure);
        long now = clock.millis();
        boolean[] first = {false};
        Seen seen = causes.computeIfAbsent(cause, key -> {
            first[0] = true;
            return new Seen();
        });
        seen.lastMillis = now;
        if (first[0]) {
            log.error("{} (the same failure again is counted, and logged once every {} s)", cause,
                    interval.toSeconds(), traceWithoutData(failure));
        } else {
            seen.since.incrementAndGet();
        }
    }

    /** Whether a failure of this kind happened within the given time. */
    public boolean seenWithin(DatabaseTrouble trouble, Duration within) {
        long since = clock.millis() - within.toMillis();
        String prefix = trouble.inWords() + ": ";
        return causes.entrySet().stream().anyMatch(e -> e.getKey().startsWith(prefix) && e.getValue().lastMillis >= since);
    }

    @Scheduled(fixedDelayString = "${hearth.log.repeated-failures-interval:1m}",
            initialDelayString = "${hearth.log.repeated-failures-interval:1m}")
    public void summarise() {
        causes.forEach((cause, seen) -> {
            long count = seen.since.getAndSet(0);
            int at = cause.indexOf(": ");
            if (count > 0) {
                log.warn("{} {} times in the last {} s: {}", cause.substring(0, at), count, interval.toSeconds(),
                        cause.substring(at + 2));
            } else {
                causes.remove(cause, seen);
            }
        });
    }

    /**
     * Where the failure happened, under a message with no data in it: messages of the
     * exceptions on the way may quote what was being written.
     */
    private static Throwable traceWithoutData(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        Throwable trace = new Throwable(null, null, false, true) {
            @Override
            public String toString() {
                return "Where it happened";
            }
        };
        trace.setStackTrace(root.getStackTrace());
        return trace;
    }
}
