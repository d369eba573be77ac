package org.hearth.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.testing.HearthTest;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.Test;

/** Many requests of one browser at once: every one gets its page, none a 500 or a cut connection. */
abstract class ParallelRequestsContract extends HearthTest {

    private static final int AT_ONCE = 50;

    @Test
    void fiftyRequestsOfOneFreshSessionAddingTheSameAttributeAllSucceed() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(AT_ONCE);
        try {
            for (int round = 0; round < 4; round++) {
                Visitor visitor = visitor();
                assertThat(visitor.get("/sign-in").status()).isEqualTo(200);
                // Each request to a members' page stores the page to return to in the session: a new attribute.
                CountDownLatch start = new CountDownLatch(1);
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < AT_ONCE; i++) {
                    String path = i % 2 == 0 ? "/me/profile" : "/me/security";
                    answers.add(threads.submit(() -> {
                        start.await();
                        return visitor.get(path).status();
                    }));
                }
                start.countDown();
                for (Future<Integer> answer : answers) {
                    assertThat(answer.get()).as("every request is answered, none with an error").isEqualTo(302);
                }
                assertThat(visitor.get("/sign-in").status()).as("the session still works").isEqualTo(200);
            }
        } finally {
            threads.shutdownNow();
        }
    }
}
