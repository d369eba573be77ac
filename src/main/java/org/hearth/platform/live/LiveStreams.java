package org.hearth.platform.live;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The node's budget of open event streams, shared by every feature that keeps one (a topic's new
 * replies, a member's unread count). Each open stream holds its connection's buffers in the
 * server (over 100 KB of heap with Tomcat), so their number is capped, by default to what the
 * heap holds: past it, pages simply stay as they were loaded instead of the node running out of
 * memory.
 */
@Component
public class LiveStreams {

    private static final Logger log = LoggerFactory.getLogger(LiveStreams.class);
    /** Heap one open stream holds, mostly Tomcat's buffers for its connection (measured: about 114 KB). */
    private static final long STREAM_BYTES = 120 * 1024;
    private static final long HEAP_FOR_EVERYTHING_ELSE = 256L * 1024 * 1024;

    private final AtomicInteger open = new AtomicInteger();
    private final int max;

    LiveStreams(@Value("${hearth.live.max-streams:0}") int max, MeterRegistry meters) {
        this.max = max > 0 ? max : thatFit(Runtime.getRuntime().maxMemory());
        log.info("Live updates: up to {} open streams on this node", this.max);
        Gauge.builder("hearth.live.streams", open, AtomicInteger::get)
                .description("open live event streams (topic pages and unread counts)").register(meters);
    }

    /** As many streams as fit in the heap beside the rest of Hearth, between 100 and 10 000. */
    static int thatFit(long maxHeap) {
        return (int) Math.max(100, Math.min(10_000, (maxHeap - HEAP_FOR_EVERYTHING_ELSE) / STREAM_BYTES));
    }

    /** Whether another stream fits now. */
    public boolean hasRoom() {
        return open.get() < max;
    }

    /** A stream opened: call once per stream, and {@link #closed()} once when it ends. */
    public void opened() {
        open.incrementAndGet();
    }

    public void closed() {
        open.decrementAndGet();
    }
}
