package org.hearth.platform.health;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.stereotype.Component;

/**
 * What writes lately did: when one last committed, and when one last failed because the
 * database took no writes (and why). Real writes and the health check's own test write both
 * report here, so a busy site is never test-written.
 */
@Component
public class RecentWrites {

    /** A failure of the kind that means no write can succeed, without anything written. */
    record Failure(long atMillis, String reason) {
    }

    private final Clock clock;
    private final AtomicLong lastSuccess = new AtomicLong(-1);
    private volatile Failure lastFailure;

    RecentWrites(Clock clock) {
        this.clock = clock;
    }

    /** A write was committed. */
    public void succeeded() {
        lastSuccess.accumulateAndGet(clock.millis(), Math::max);
    }

    /** A write failed; remembered only when the failure says the database takes no writes. */
    public void failed(Throwable failure) {
        WriteFailures.cannotWrite(failure).ifPresent(reason -> lastFailure = new Failure(clock.millis(), reason));
    }

    void failedWith(String reason) {
        lastFailure = new Failure(clock.millis(), reason);
    }

    /**
     * Whether writes are failing as far as pages can tell: a write failed for want of a writable
     * database within the last minute, and none succeeded since. Pages say writing is paused while
     * this holds; a site where no one writes stops saying so after a minute rather than for ever.
     */
    public boolean failingNow() {
        Failure failure = failureSinceLastSuccess();
        return failure != null && clock.millis() - failure.atMillis() <= 60_000;
    }

    /** Milliseconds since the epoch of the last committed write, or -1. */
    long lastSuccessMillis() {
        return lastSuccess.get();
    }

    /** The last failure, if none succeeded since. */
    Failure failureSinceLastSuccess() {
        Failure failure = lastFailure;
        return failure != null && failure.atMillis() >= lastSuccess.get() ? failure : null;
    }
}
