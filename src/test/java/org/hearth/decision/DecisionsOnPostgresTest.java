package org.hearth.decision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hearth.community.JoinPolicy;
import org.hearth.community.Role;
import org.hearth.community.Visibility;
import org.hearth.platform.security.Viewer;
import org.hearth.testing.OnPostgres;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;

/** The same contract on PostgreSQL, and a race only it runs in parallel: two moderators adding the last option. */
@OnPostgres
class DecisionsOnPostgresTest extends DecisionsContract {

    @Autowired
    private StartDecision startDecision;

    @Autowired
    private AddOption addOption;

    @Autowired
    private DecisionTopics decisionTopics;

    @RepeatedTest(3)
    void twoModeratorsAddingTheSixthOptionAtOnceAddOneAndTheOtherIsToldItIsFull() throws Exception {
        Viewer owner = withSecondFactor(account(unique("own")));
        String slug = community(owner, Visibility.PUBLIC, JoinPolicy.OPEN, false);
        Viewer other = account(unique("mod"));
        join(slug, other);
        changeRole(slug, owner, other.memberId(), Role.MODERATOR);
        Viewer moderator = withSecondFactor(other);
        List<OptionDraft> five = java.util.stream.IntStream.rangeClosed(1, 5).mapToObj(i -> new OptionDraft("Option " + i, "")).toList();
        var started = startDecision.run(new StartDecision.Input(access(slug, owner), owner, "Which?", "Which one?", null, false,
                five, List.of(), null, null));
        String topicId = ((StartDecision.Outcome.Started) started).topicId();
        CountDownLatch ready = new CountDownLatch(2);
        List<Future<AddOption.Outcome>> outcomes;
        try (var both = Executors.newVirtualThreadPerTaskExecutor()) {
            Callable<AddOption.Outcome> byOwner = () -> {
                ready.countDown();
                ready.await();
                return addOption.run(new AddOption.Input(access(slug, owner), owner, topicId, new OptionDraft("From the owner", "")));
            };
            Callable<AddOption.Outcome> byModerator = () -> {
                ready.countDown();
                ready.await();
                return addOption.run(new AddOption.Input(access(slug, moderator), moderator, topicId, new OptionDraft("From a moderator", "")));
            };
            outcomes = List.of(both.submit(byOwner), both.submit(byModerator));
        }
        List<AddOption.Outcome> done = List.of(outcomes.get(0).get(), outcomes.get(1).get());
        assertThat(done).filteredOn(AddOption.Outcome.Added.class::isInstance).hasSize(1);
        assertThat(done).filteredOn(outcome -> outcome.equals(new AddOption.Outcome.Full(6))).hasSize(1);
        assertThat(decisionTopics.readable(access(slug, owner), topicId).orElseThrow().options()).hasSize(6);
    }
}
