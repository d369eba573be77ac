package org.hearth.community;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.hearth.community.ChangeCommunitySettings.Settings;
import org.hearth.conversation.Draft;
import org.hearth.conversation.TopicKind;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.HearthTest;
import org.hearth.testing.OnPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A member writes while an owner opens the community up: the member's post is held uncommitted
 * until the owner's change waits for it, and the change must then see it and be refused. Only
 * PostgreSQL lets the two transactions overlap; on SQLite one transaction writes at a time.
 */
@OnPostgres
class OpeningUpRaceOnPostgresTest extends HearthTest {

    @Autowired
    private ChangeCommunitySettings changeSettings;

    @Autowired
    private PlatformTransactionManager transactionManager;

    @Autowired
    private DataSource dataSource;

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES) // a safety net against a hang, not a measurement
    void aReplyWrittenMeanwhileRefusesTheOpeningUp() throws Exception {
        race((slug, member) -> replied(access(slug, member), member, ownersTopicId,
                new Draft(null, null, "written for members only", null, false)), "%topics%for share%");
    }

    @Test
    @Timeout(value = 2, unit = TimeUnit.MINUTES)
    void aTopicStartedMeanwhileRefusesTheOpeningUp() throws Exception {
        race((slug, member) -> started(access(slug, member), member,
                new Draft(TopicKind.STORY, "Mine", "written for members only", null, false)), "%communities%for update%");
    }

    /** The topic the owner started before the race, which a member replies to. */
    private String ownersTopicId;

    private void race(java.util.function.BiConsumer<String, Viewer> write, String awaitedLock) throws Exception {
        Viewer owner = withSecondFactor(account(unique("own")));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.APPROVAL, false);
        ownersTopicId = started(access(slug, owner), owner, new Draft(TopicKind.DISCUSSION, "Welcome", "hello", null, false));
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        Community before = access(slug, owner).community();
        var wider = new Settings(before.name(), before.description(), before.conditionServed(), Visibility.PUBLIC,
                JoinPolicy.APPROVAL, false, before.flagHideScore());

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch commit = new CountDownLatch(1);
            Future<?> writing = threads.submit(() -> new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
                write.accept(slug, member);
                written.countDown();
                awaitQuietly(commit);
            }));
            assertThat(written.await(1, TimeUnit.MINUTES)).as("the member's post was written").isTrue();

            Future<ChangeCommunitySettings.Outcome> opening = threads.submit(
                    () -> changeSettings.run(new ChangeCommunitySettings.Input(slug, owner, wider, true)));
            // if it ever finishes without waiting for the member's post, nothing makes it wait
            while (!opening.isDone() && !someoneWaits(awaitedLock)) {
                Thread.sleep(5);
            }
            commit.countDown();
            writing.get();
            assertThat(opening.get()).isInstanceOf(ChangeCommunitySettings.Outcome.OpeningUpRefused.class);
        } finally {
            threads.shutdownNow();
        }
        assertThat(access(slug, owner).community().visibility()).isEqualTo(Visibility.MEMBERS_ONLY);
    }

    private boolean someoneWaits(String query) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet waiting = statement.executeQuery("select count(*) from pg_stat_activity"
                        + " where datname = current_database() and wait_event_type = 'Lock'"
                        + " and query ilike '" + query + "'")) {
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
