package org.hearth.testing;

import java.util.List;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

/**
 * Base of the use-case tests: runs what a person does and records the events it published on
 * the test thread (events of other tests' requests run on server threads and are not seen).
 */
@RecordApplicationEvents
public abstract class UseCaseContract extends HearthTest {

    @Autowired
    private ApplicationEvents events;

    /** Runs what a person does, recording only the events it publishes. */
    protected <T> T act(Supplier<T> action) {
        events.clear();
        return action.get();
    }

    /** Hearth's own events published on this thread since {@link #act} began. */
    protected List<Object> published() {
        return events.stream()
                .map(e -> e instanceof PayloadApplicationEvent<?> payload ? payload.getPayload() : e)
                .filter(e -> e.getClass().getPackageName().startsWith("org.hearth."))
                .toList();
    }
}
