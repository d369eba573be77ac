package org.hearth.platform.live;

/**
 * Tells every node of the site about new things, right after they were saved. Publishing never
 * waits for delivery, and listeners are called on a thread of the bus, never the publisher's:
 * a reply's author does not wait while it reaches ten thousand readers.
 */
public interface LiveBus {

    /** Announces the signal to every listener on every node, this one included. Call after the commit. */
    void publish(LiveSignal signal);

    /**
     * Announces several signals at once, as {@link #publish} does each: on PostgreSQL in one
     * statement on one connection, so that telling a thousand members costs one round trip, not
     * a thousand borrowed connections.
     */
    default void publishAll(java.util.Collection<LiveSignal> signals) {
        signals.forEach(this::publish);
    }

    void subscribe(Listener listener);

    interface Listener {

        void signal(LiveSignal signal);

        /**
         * Signals may have been lost: the connection to the other nodes broke for a while.
         * Listeners should look for what they may have missed.
         */
        default void mayHaveMissedSignals() {
        }
    }
}
