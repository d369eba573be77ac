package org.hearth.platform.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The bus of a single node (SQLite): signals go straight to this process's listeners. */
final class InProcessLiveBus implements LiveBus, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(InProcessLiveBus.class);

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService deliveries = Executors.newVirtualThreadPerTaskExecutor();

    @Override
    public void publish(LiveSignal signal) {
        deliveries.execute(() -> deliver(listeners, signal));
    }

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    static void deliver(List<Listener> listeners, LiveSignal signal) {
        for (Listener listener : listeners) {
            try {
                listener.signal(signal);
            } catch (RuntimeException e) {
                log.warn("A live update listener failed", e);
            }
        }
    }

    @Override
    public void close() {
        deliveries.shutdownNow();
    }
}
