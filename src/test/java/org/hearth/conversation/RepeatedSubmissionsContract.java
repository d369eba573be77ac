package org.hearth.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.hearth.community.Audience;
import org.hearth.community.ChangeCommunitySettings;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Visibility;
import org.hearth.platform.db.Submissions;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.UseCaseContract;
import org.hearth.testing.Visitor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A post sent more than once with the same form (a double click, a retry after an error, the
 * browser posting again) is stored once, and every answer leads to it; and when the database
 * fails while a post is written, the page says what it knows instead of claiming failure.
 */
@Import(RepeatedSubmissionsContract.FailingCommits.class)
abstract class RepeatedSubmissionsContract extends UseCaseContract {

    @Autowired
    private Conversations conversations;

    @Autowired
    private StartTopic startTopic;

    @Autowired
    private ReplyToTopic replyToTopic;

    @Autowired
    private ChangeCommunitySettings changeSettings;

    @Autowired
    private PlatformTransactionManager transactions;

    @AfterEach
    void commitsWorkAgain() {
        FailingCommits.next.set(null);
    }

    @Test
    void aReplySentTwiceIsStoredOnceAndBothAnswersLeadToIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Fatigue"));
        Viewer member = joined(slug);
        var input = new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Pace yourself"), null, Submissions.newKey());

        var first = replyToTopic.run(input);
        var again = act(() -> replyToTopic.run(input));

        assertThat(first).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        var location = ((ReplyToTopic.Outcome.Replied) first).location();
        assertThat(again).isEqualTo(new ReplyToTopic.Outcome.AlreadySaved(location));
        assertThat(published()).as("no second announcement").isEmpty();
        assertThat(page(slug, owner, topicId).replyCount()).isEqualTo(1);
        assertThat(page(slug, owner, topicId).posts()).extracting(PostView::id).containsExactly(
                page(slug, owner, topicId).posts().getFirst().id(), location.postId());
    }

    @Test
    void aTopicSentTwiceIsStoredOnceAndBothAnswersLeadToIt() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer member = joined(slug);
        var input = new StartTopic.Input(access(slug, member), member, opening("Brain fog"), null, Submissions.newKey());

        var first = startTopic.run(input);
        var again = act(() -> startTopic.run(input));

        assertThat(first).isInstanceOf(StartTopic.Outcome.Started.class);
        assertThat(again).isEqualTo(new StartTopic.Outcome.AlreadySaved(((StartTopic.Outcome.Started) first).topicId()));
        assertThat(published()).isEmpty();
        assertThat(conversations.topics(access(slug, owner), null, 1)).hasSize(1);
    }

    @Test
    void anotherKeyOrAnotherMemberWithTheSameKeyIsAnotherSubmission() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Diet"));
        Viewer member = joined(slug);
        Viewer other = joined(slug);
        String key = Submissions.newKey();

        var first = replyToTopic.run(new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Same words"), null, key));
        var newForm = replyToTopic.run(new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Same words"), null,
                Submissions.newKey()));
        var othersForm = replyToTopic.run(new ReplyToTopic.Input(access(slug, other), other, topicId, reply("Same words"), null, key));

        assertThat(first).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        assertThat(newForm).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        assertThat(othersForm).isInstanceOf(ReplyToTopic.Outcome.Replied.class);
        var shown = page(slug, owner, topicId);
        assertThat(shown.replyCount()).isEqualTo(3);
        assertThat(shown.posts()).extracting(PostView::authorId).containsExactly(
                owner.memberId(), member.memberId(), member.memberId(), other.memberId());
    }

    @Test
    void aSubmissionRefusedStoresNothingAndTheSameFormSentAgainIsStored() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.INVITATION, false);
        Viewer member = account(unique("m"));
        admit(owner, slug, member);
        Audience shown = access(slug, member).community().audience();
        String key = Submissions.newKey();
        var community = access(slug, owner).community();
        assertThat(changeSettings.run(new ChangeCommunitySettings.Input(slug, withSecondFactor(owner),
                new ChangeCommunitySettings.Settings(community.name(), community.description(), community.conditionServed(),
                        Visibility.PUBLIC, JoinPolicy.INVITATION, false, community.flagHideScore()), true)))
                .isInstanceOf(ChangeCommunitySettings.Outcome.Changed.class);

        var refused = startTopic.run(new StartTopic.Input(access(slug, member), member, opening("For members"), shown, key));
        // the form comes back with the same key; they read who reads it now, and send it again
        var sentAgain = startTopic.run(new StartTopic.Input(access(slug, member), member, opening("For members"),
                access(slug, member).community().audience(), key));

        assertThat(refused).isInstanceOf(StartTopic.Outcome.AudienceWidened.class);
        assertThat(sentAgain).isInstanceOf(StartTopic.Outcome.Started.class);
        assertThat(conversations.topics(access(slug, owner), null, 1)).hasSize(1);
    }

    /**
     * The first submission has claimed its key and not committed when the second arrives: the
     * second waits for it (PostgreSQL's unique index, SQLite's one writer) and then leads to it.
     */
    @Test
    void twoSubmissionsRacingWithOneKeyStoreOnce() throws Exception {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Relapse"));
        Viewer member = joined(slug);
        var input = new ReplyToTopic.Input(access(slug, member), member, topicId, reply("Twice clicked"), null, Submissions.newKey());
        CountDownLatch written = new CountDownLatch(1);
        Future<ReplyToTopic.Outcome> first;
        ReplyToTopic.Outcome second;
        try (var clicks = Executors.newVirtualThreadPerTaskExecutor()) {
            first = clicks.submit(() -> new TransactionTemplate(transactions).execute(status -> {
                var outcome = replyToTopic.run(input);
                written.countDown();
                pause(700);
                return outcome;
            }));
            assertThat(written.await(10, TimeUnit.SECONDS)).isTrue();
            second = replyToTopic.run(input);
        }
        var location = ((ReplyToTopic.Outcome.Replied) first.get()).location();
        assertThat(second).isEqualTo(new ReplyToTopic.Outcome.AlreadySaved(location));
        assertThat(page(slug, owner, topicId).replyCount()).isEqualTo(1);
    }

    @Test
    void twoSubmissionsSentAtOnceWithOneKeyStoreOnce() throws Exception {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Travel"));
        Viewer member = joined(slug);
        Visitor browser = signedIn(member);
        String topic = "/c/" + slug + "/t/" + topicId;
        String key = browser.get(topic).document().selectFirst("form.composer input[name=submission]").val();
        CountDownLatch go = new CountDownLatch(1);
        try (var clicks = Executors.newVirtualThreadPerTaskExecutor()) {
            var answers = java.util.stream.IntStream.range(0, 4).mapToObj(i -> clicks.submit(() -> {
                go.await();
                return browser.post(topic + "/replies", Map.of("body", "Bring snacks", "contentWarning", "", "submission", key));
            })).toList();
            go.countDown();
            for (var answer : answers) {
                var response = answer.get(30, TimeUnit.SECONDS);
                assertThat(response.status()).isEqualTo(302);
                assertThat(response.location()).endsWith("#p-" + page(slug, owner, topicId).posts().getLast().id());
            }
        }
        assertThat(page(slug, owner, topicId).replyCount()).isEqualTo(1);
    }

    @Test
    void theReplyFormCarriesAKeyAndAResentFormLeadsToTheSameReply() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.MEMBERS_ONLY, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Sleep"));
        Visitor member = signedIn(joined(slug));
        String topic = "/c/" + slug + "/t/" + topicId;
        String key = member.get(topic).document().selectFirst("form.composer input[name=submission]").val();
        assertThat(Submissions.keyOf(key)).isNotNull();

        var first = member.post(topic + "/replies", Map.of("body", "Warm milk", "contentWarning", "", "submission", key));
        var again = member.post(topic + "/replies", Map.of("body", "Warm milk", "contentWarning", "", "submission", key));

        assertThat(first.location()).contains("#p-");
        assertThat(again.location()).isEqualTo(first.location());
        var shown = member.get(again.location());
        assertThat(shown.text()).contains("stored once");
        assertThat(shown.document().select(".post:not(.opening) .body").eachText()).containsExactly("Warm milk");
        assertThat(shown.document().selectFirst("form.composer input[name=submission]").val())
                .as("a fresh form has a fresh key").isNotEqualTo(key);
    }

    @Test
    void theTopicFormCarriesAKeyAndAResentFormLeadsToTheSameTopic() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor member = signedIn(joined(slug));
        String key = member.get("/c/" + slug + "/new").document().selectFirst("form.composer input[name=submission]").val();
        var fields = Map.of("kind", "QUESTION", "title", "Insurance", "body", "Who pays?", "contentWarning", "", "submission", key);

        var first = member.post("/c/" + slug + "/topics", fields);
        var again = member.post("/c/" + slug + "/topics", fields);

        assertThat(first.location()).contains("/t/");
        assertThat(again.location()).isEqualTo(first.location());
        assertThat(conversations.topics(access(slug, owner), null, 1)).hasSize(1);
    }

    /** The answer to a committed reply was lost (the connection broke during the commit): the page finds the reply. */
    @Test
    void aReplyWhoseCommitWasNotConfirmedButHappenedIsShown() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Pain"));
        Visitor member = signedIn(joined(slug));
        String topic = "/c/" + slug + "/t/" + topicId;
        String key = member.get(topic).document().selectFirst("form.composer input[name=submission]").val();

        FailingCommits.next.set(FailingCommits.AFTER_COMMIT);
        var answer = member.post(topic + "/replies", Map.of("body", "Heat pads", "contentWarning", "", "submission", key));
        FailingCommits.next.set(null);
        var retried = member.post(topic + "/replies", Map.of("body", "Heat pads", "contentWarning", "", "submission", key));

        String replyId = page(slug, owner, topicId).posts().getLast().id();
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.location()).endsWith("#p-" + replyId);
        assertThat(retried.location()).isEqualTo(answer.location());
        assertThat(page(slug, owner, topicId).replyCount()).isEqualTo(1);
    }

    /** Writing failed and nothing committed: the page says it could not confirm, keeps the text, and posting it again stores it once. */
    @Test
    void aReplyThatCouldNotBeConfirmedSaysSoKeepsTheTextAndIsStoredOnceWhenSentAgain() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        String topicId = started(access(slug, owner), owner, opening("Nausea"));
        Visitor member = signedIn(joined(slug));
        String topic = "/c/" + slug + "/t/" + topicId;
        String key = member.get(topic).document().selectFirst("form.composer input[name=submission]").val();

        FailingCommits.next.set(FailingCommits.BEFORE_COMMIT);
        var answer = member.post(topic + "/replies", Map.of("body", "Ginger tea", "contentWarning", "", "submission", key));
        FailingCommits.next.set(null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.document().select(".error-summary").text())
                .contains("could not confirm").contains("post it again").contains("not be stored twice");
        assertThat(answer.document().select("textarea[name=body]").text()).isEqualTo("Ginger tea");
        assertThat(answer.document().selectFirst("form.composer input[name=submission]").val()).isEqualTo(key);
        assertThat(page(slug, owner, topicId).replyCount()).isZero();

        var sentAgain = member.post(topic + "/replies", Map.of("body", "Ginger tea", "contentWarning", "", "submission", key));
        var twice = member.post(topic + "/replies", Map.of("body", "Ginger tea", "contentWarning", "", "submission", key));
        assertThat(sentAgain.location()).contains("#p-").isEqualTo(twice.location());
        assertThat(page(slug, owner, topicId).replyCount()).isEqualTo(1);
    }

    @Test
    void aTopicThatCouldNotBeConfirmedSaysSoAndKeepsTheText() {
        Viewer owner = account(unique("own"));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Visitor member = signedIn(joined(slug));
        String key = member.get("/c/" + slug + "/new").document().selectFirst("form.composer input[name=submission]").val();

        FailingCommits.next.set(FailingCommits.BEFORE_COMMIT);
        var answer = member.post("/c/" + slug + "/topics", Map.of("kind", "STORY", "title", "My year",
                "body", "It was long", "contentWarning", "", "submission", key));
        FailingCommits.next.set(null);

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.document().select(".error-summary").text()).contains("could not confirm").contains("not be stored twice");
        assertThat(answer.document().select("input[name=title]").val()).isEqualTo("My year");
        assertThat(answer.document().select("textarea[name=body]").text()).isEqualTo("It was long");
        assertThat(answer.document().selectFirst("form.composer input[name=submission]").val()).isEqualTo(key);
        assertThat(conversations.topics(access(slug, owner), null, 1)).isEmpty();
    }

    /**
     * Makes the next post's commit fail as a lost connection does: before it (nothing stored)
     * or after it (stored, but the answer never came back).
     */
    @TestConfiguration
    static class FailingCommits {

        static final String BEFORE_COMMIT = "before";
        static final String AFTER_COMMIT = "after";
        static final AtomicReference<String> next = new AtomicReference<>();

        @EventListener
        void on(TopicStarted started) {
            failCommit();
        }

        @EventListener
        void on(ReplyPosted posted) {
            failCommit();
        }

        private static void failCommit() {
            String when = next.getAndSet(null);
            if (when == null) {
                return;
            }
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    if (when.equals(BEFORE_COMMIT)) {
                        // a data access failure here rolls back, as a statement failing does
                        throw new DataAccessResourceFailureException("connection lost before the commit");
                    }
                }

                @Override
                public void afterCommit() {
                    if (when.equals(AFTER_COMMIT)) {
                        throw new TransactionSystemException("connection lost while committing");
                    }
                }
            });
        }
    }

    // ---- helpers ---------------------------------------------------------------------------

    private TopicPage page(String slug, Viewer owner, String topicId) {
        return conversations.topic(access(slug, owner), topicId, null, Integer.MAX_VALUE).orElseThrow();
    }

    private Viewer joined(String slug) {
        Viewer member = account(unique("m"));
        join(slug, member);
        return member;
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Draft opening(String title) {
        return new Draft(TopicKind.QUESTION, title, "words of " + title, null, false);
    }

    private static Draft reply(String body) {
        return new Draft(null, null, body, null, false);
    }
}
