package org.hearth.notification.web;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.hearth.notification.UnreadCounts;
import org.hearth.platform.live.LiveBus;
import org.hearth.platform.live.LiveSignal;
import org.hearth.platform.live.LiveStreams;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyEmitter.DataWithMediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open streams of members' unread counts, by member, for the header of every page. A stream
 * carries one number and nothing else, so it can never show what the member may not read: each
 * event is the member's count as the database says it now (asked when a signal says it changed,
 * on whichever node the change happened), so a reconnecting browser is sent the count at once
 * and nothing is lost or repeated. Members whose counts changed are counted together, a few
 * hundred in one query, so one reply to ten thousand connected followers is not ten thousand
 * queries; a count is sent only if no later one was sent to that stream already, so an older
 * count never overtakes a newer one. Streams end after a while ({@code hearth.live.stream-timeout})
 * and the browser reconnects, signed in or not any more. Should the bus have lost signals, every
 * member connected here is counted again.
 */
@Component
class LiveUnreadCounts implements SmartLifecycle {

    private static final MediaType EVENT_TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);
    private static final Set<DataWithMediaType> HEARTBEAT = Set.of(new DataWithMediaType(":\n\n", EVENT_TEXT));

    private final Map<String, Set<Stream>> byMember = new ConcurrentHashMap<>();
    private final ExecutorService sending = Executors.newVirtualThreadPerTaskExecutor();
    /** Counted in one query at most this many members. */
    private static final int COUNTED_TOGETHER = 500;

    /** Members whose count changed and is not yet asked; one drain at a time asks them, in batches. */
    private final Set<String> changed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean draining = new AtomicBoolean();
    /** Orders counts: a stream takes a count only if it is newer than the last it sent. */
    private final java.util.concurrent.atomic.AtomicLong countedAt = new java.util.concurrent.atomic.AtomicLong();
    private final UnreadCounts counts;
    private final LiveStreams budget;
    private final Duration streamTimeout;
    private volatile boolean running = true;

    LiveUnreadCounts(UnreadCounts counts, LiveStreams budget, LiveBus bus,
            @Value("${hearth.live.stream-timeout:15m}") Duration streamTimeout) {
        this.counts = counts;
        this.budget = budget;
        this.streamTimeout = streamTimeout;
        bus.subscribe(new LiveBus.Listener() {
            @Override
            public void signal(LiveSignal signal) {
                if (signal.subject().startsWith(UnreadCounts.CHANGED)) {
                    String memberId = signal.subject().substring(UnreadCounts.CHANGED.length());
                    if (byMember.containsKey(memberId)) {
                        sendCount(memberId);
                    }
                }
            }

            @Override
            public void mayHaveMissedSignals() {
                byMember.keySet().forEach(LiveUnreadCounts.this::sendCount);
            }
        });
    }

    boolean hasRoom() {
        return budget.hasRoom();
    }

    /** Opens a stream of this member's count; the count now is its first event. */
    SseEmitter open(String memberId) {
        long lifetime = streamTimeout.toMillis() - ThreadLocalRandom.current().nextLong(streamTimeout.toMillis() / 5 + 1);
        SseEmitter emitter = new SseEmitter(lifetime);
        Stream stream = new Stream(memberId, emitter);
        emitter.onCompletion(() -> remove(stream));
        emitter.onError(error -> remove(stream));
        emitter.onTimeout(() -> {
            remove(stream);
            emitter.complete();
        });
        long retry = 2000 + ThreadLocalRandom.current().nextLong(6000);
        stream.send(Set.of(new DataWithMediaType("retry:" + retry + "\n\n", EVENT_TEXT)));
        byMember.computeIfAbsent(memberId, id -> ConcurrentHashMap.newKeySet()).add(stream);
        budget.opened();
        if (!running) {
            remove(stream);
            emitter.complete();
            return emitter;
        }
        // counted after registering: a change committed meanwhile is either in this count or signalled to this stream
        long at = countedAt.incrementAndGet();
        stream.send(event(counts.of(memberId)), at);
        return emitter;
    }

    /** Counts this member again, with whoever else changed meanwhile, and sends the count to their streams here. */
    private void sendCount(String memberId) {
        if (!running || !byMember.containsKey(memberId)) {
            return;
        }
        changed.add(memberId);
        drainSoon();
    }

    private void drainSoon() {
        if (!changed.isEmpty() && draining.compareAndSet(false, true)) {
            try {
                sending.execute(this::drain);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                draining.set(false); // shutting down
            }
        }
    }

    private void drain() {
        boolean failed = false;
        try {
            while (running && !changed.isEmpty()) {
                java.util.List<String> batch = new java.util.ArrayList<>(COUNTED_TOGETHER);
                for (var members = changed.iterator(); members.hasNext() && batch.size() < COUNTED_TOGETHER; ) {
                    String member = members.next();
                    members.remove();
                    if (byMember.containsKey(member)) {
                        batch.add(member);
                    }
                }
                if (batch.isEmpty()) {
                    continue;
                }
                long at = countedAt.incrementAndGet();
                Map<String, Integer> counted;
                try {
                    counted = counts.of(batch);
                } catch (RuntimeException e) {
                    // the database is away or busy: these are counted again at the next signal or heartbeat
                    changed.addAll(batch);
                    failed = true;
                    return;
                }
                for (String member : batch) {
                    Set<Stream> streams = byMember.get(member);
                    if (streams != null) {
                        Set<DataWithMediaType> event = event(counted.getOrDefault(member, 0));
                        // one slow browser does not hold up the others
                        streams.forEach(stream -> sending.execute(() -> stream.send(event, at)));
                    }
                }
            }
        } finally {
            draining.set(false);
            if (!failed && running) {
                drainSoon(); // what changed after the last look, while this drain was ending
            }
        }
    }

    private static Set<DataWithMediaType> event(int count) {
        return Set.of(new DataWithMediaType("event:unread\ndata:" + count + "\n\n", EVENT_TEXT));
    }

    @Scheduled(fixedDelayString = "${hearth.live.heartbeat:25s}", initialDelayString = "${hearth.live.heartbeat:25s}")
    void heartbeat() {
        if (!running) {
            return;
        }
        drainSoon(); // counts a failed query left behind
        for (Set<Stream> streams : byMember.values()) {
            for (Stream stream : streams) {
                sending.execute(() -> stream.send(HEARTBEAT));
            }
        }
    }

    private void remove(Stream stream) {
        if (stream.removed.compareAndSet(false, true)) {
            budget.closed();
            byMember.computeIfPresent(stream.memberId, (id, streams) -> {
                streams.remove(stream);
                return streams.isEmpty() ? null : streams;
            });
        }
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every stream before the server stops, so browsers reconnect to another node at once. */
    @Override
    public void stop() {
        running = false;
        for (Set<Stream> streams : byMember.values()) {
            for (Stream stream : streams) {
                remove(stream);
                try {
                    stream.emitter.complete();
                } catch (RuntimeException e) {
                    // already ended
                }
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @PreDestroy
    void close() {
        sending.shutdown();
    }

    private final class Stream {

        final String memberId;
        final SseEmitter emitter;
        final ReentrantLock lock = new ReentrantLock();
        final AtomicBoolean removed = new AtomicBoolean();
        /** When the last count sent here was taken. */
        long lastCountedAt;

        Stream(String memberId, SseEmitter emitter) {
            this.memberId = memberId;
            this.emitter = emitter;
        }

        /** Sends a count taken at {@code countedAt}, unless a later one was sent already. */
        void send(Set<DataWithMediaType> count, long countedAt) {
            lock.lock();
            try {
                if (countedAt > lastCountedAt) {
                    lastCountedAt = countedAt;
                    send(count);
                }
            } finally {
                lock.unlock();
            }
        }

        void send(Set<DataWithMediaType> data) {
            lock.lock();
            try {
                if (!removed.get()) {
                    emitter.send(data);
                }
            } catch (IOException | IllegalStateException e) {
                remove(this);
            } finally {
                lock.unlock();
            }
        }
    }
}
