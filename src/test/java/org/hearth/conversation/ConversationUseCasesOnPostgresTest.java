package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hearth.community.Audience;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnPostgres;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The same contract on PostgreSQL, and a race only its row locks decide. */
@OnPostgres
class ConversationUseCasesOnPostgresTest extends ConversationUseCasesContract {

    @Autowired
    DSLContext db;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    StartTopic startTopic;

    @Autowired
    Conversations topics;

    @Test
    void aPostWaitsForACommunityOpeningUpMeanwhileAndIsThenRefused() throws Exception {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        var composing = access(slug, member);
        CountDownLatch changing = new CountDownLatch(1);
        Future<?> opening;
        // the owner's change has locked the community's row and not committed yet when the member posts
        try (var owners = Executors.newVirtualThreadPerTaskExecutor()) {
            opening = owners.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                db.execute("update communities set visibility = 'PUBLIC' where id = ?", composing.community().id());
                changing.countDown();
                try {
                    Thread.sleep(700);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(changing.await(10, TimeUnit.SECONDS)).isTrue();
            var outcome = startTopic.run(new StartTopic.Input(composing, member, opening("Written for members", false),
                    composing.community().audience()));
            assertThat(outcome).isEqualTo(new StartTopic.Outcome.AudienceWidened(
                    new Audience(Visibility.PUBLIC, JoinPolicy.INVITATION)));
        }
        opening.get();
        assertThat(topics.topics(access(slug, owner), null, 1)).as("nothing stored").isEmpty();
    }
}
