package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two owners stepping each other down at the same moment, made truly simultaneous: the first
 * owner's change is held uncommitted until the second owner's transaction, which still saw two
 * owners, waits for the owners' rows. Only PostgreSQL lets two such transactions overlap; on
 * SQLite one transaction writes at a time, and the contract's sequential case covers it.
 */
@OnPostgres
class ChangeRoleRaceOnPostgresTest extends HearthTest {

    @Autowired
    private ChangeRole changeRole;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DataSource dataSource;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a hang, not a measurement
    void twoOwnersSteppingEachOtherDownAtOnceLeaveTheCommunityOneOwner() throws Exception {
        Viewer first = withSecondFactor(account(unique("own")));
        String slug = community(first, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer second = withSecondFactor(account(unique("co")));
        admit(first, slug, second);
        changeRole(slug, first, second.memberId(), Role.OWNER);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstChanged = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            Future<ChangeRole.Outcome> byFirst = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
                var outcome = changeRole.run(new ChangeRole.Input(slug, first, second.memberId(), Role.MEMBER));
                firstChanged.countDown();
                awaitQuietly(commitFirst);
                return outcome;
            }));
            assertThat(firstChanged.await(1, TimeUnit.MINUTES)).as("the first owner's change was made").isTrue();

            Future<ChangeRole.Outcome> bySecond = threads.submit(
                    () -> changeRole.run(new ChangeRole.Input(slug, second, first.memberId(), Role.MEMBER)));
            // if it ever finishes without waiting for the owners' rows, nothing makes it wait
            while (!bySecond.isDone() && !someoneWaitsToLockOwners()) {
                Thread.sleep(5);
            }
            commitFirst.countDown();

            assertThat(byFirst.get()).isInstanceOf(ChangeRole.Outcome.Changed.class);
            assertThat(bySecond.get()).isInstanceOf(ChangeRole.Outcome.LastOwner.class);
        } finally {
            threads.shutdownNow();
        }
        var roster = communities.members(communities.visibleTo(slug, first).orElseThrow(), first).orElseThrow().members();
        assertThat(roster).extracting(Communities.Membership::memberId, Communities.Membership::role)
                .containsExactlyInAnyOrder(tuple(first.memberId(), Role.OWNER), tuple(second.memberId(), Role.MEMBER));
    }

    /** Whether a transaction of this database is waiting for a row lock the owners' count asks for. */
    private boolean someoneWaitsToLockOwners() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'"
                        + " and query ilike '%memberships%for update%'")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("stopped before committing", e);
        }
    }
}
