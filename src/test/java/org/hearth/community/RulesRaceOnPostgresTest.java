package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
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
 * Two moderators saving the rules from the same version at the same moment: the first save is
 * held uncommitted until the second, which started from the same version, waits for the
 * community's row. Only PostgreSQL lets two such transactions overlap; on SQLite one transaction
 * writes at a time, and the contract's sequential case covers it.
 */
@OnPostgres
class RulesRaceOnPostgresTest extends HearthTest {

    @Autowired
    private EditRules editRules;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DataSource dataSource;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a hang, not a measurement
    void ofTwoModeratorsSavingFromTheSameVersionAtOnceTheSecondIsTold() throws Exception {
        Viewer owner = withSecondFactor(account(unique("own")));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer moderator = withSecondFactor(account(unique("mod")));
        admit(owner, slug, moderator);
        changeRole(slug, owner, moderator.memberId(), Role.MODERATOR);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch firstSaved = new CountDownLatch(1);
            CountDownLatch commitFirst = new CountDownLatch(1);
            Future<EditRules.Outcome> byOwner = threads.submit(() -> new TransactionTemplate(transactionManager).execute(status -> {
                var outcome = editRules.run(edit(slug, owner, "The owner's words"));
                firstSaved.countDown();
                awaitQuietly(commitFirst);
                return outcome;
            }));
            assertThat(firstSaved.await(1, TimeUnit.MINUTES)).as("the owner's save was made").isTrue();

            Future<EditRules.Outcome> byModerator = threads.submit(() -> editRules.run(edit(slug, moderator, "The moderator's words")));
            // if it ever finishes without waiting for the community's row, nothing makes it wait
            while (!byModerator.isDone() && !someoneWaitsToLockACommunity()) {
                Thread.sleep(5);
            }
            commitFirst.countDown();

            assertThat(byOwner.get()).isInstanceOf(EditRules.Outcome.Saved.class);
            assertThat(byModerator.get()).isInstanceOfSatisfying(EditRules.Outcome.NewerVersionSaved.class,
                    refused -> assertThat(refused.newest()).isEqualTo(2));
        } finally {
            threads.shutdownNow();
        }
        var history = rules.history(access(slug, owner));
        assertThat(history).hasSize(2);
        assertThat(rules.current(access(slug, owner)).rules().getFirst().text()).isEqualTo("The owner's words");
    }

    private static EditRules.Input edit(String slug, Viewer editor, String firstRuleText) {
        List<Rules.Draft> drafts = new java.util.ArrayList<>(DefaultRules.RULES);
        Rules.Draft first = drafts.getFirst();
        drafts.set(0, new Rules.Draft(first.key(), first.title(), firstRuleText));
        return new EditRules.Input(slug, editor, Rules.FIRST_VERSION, DefaultRules.CHARTER, drafts, "Rule 1 reworded");
    }

    /** Whether a transaction of this database is waiting for the lock on a community's row. */
    private boolean someoneWaitsToLockACommunity() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'"
                        + " and query ilike '%communities%for update%'")) {
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
