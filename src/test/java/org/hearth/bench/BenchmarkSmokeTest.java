package org.hearth.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark still works: a few seconds at scale S on each engine the suite has, through the
 * same code as {@code bench/run}. It checks that every scenario ran and produced numbers, never
 * how fast they are.
 */
class BenchmarkSmokeTest {

    @Test
    void runsEveryScenarioAndWritesTheReport(@TempDir Path work) throws Exception {
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci) {
            assertThat(Wrk.installed()).as("wrk must be installed in CI (apt-get install wrk)").isTrue();
        }
        assumeTrue(Wrk.installed(), "wrk is not installed");
        List<String> args = new ArrayList<>(List.of("--scale", "S", "--warmup", "1", "--duration", "2",
                "--connections", "4", "--live", "20", "--live-counts", "20", "--followers", "20",
                "--fan-out-followers", "30", "--fan-out-rounds", "2", "--work", work.resolve("run").toString(),
                "--report", work.resolve("report.md").toString()));
        String postgres = System.getenv("HEARTH_TEST_POSTGRES_URL");
        boolean withPostgres = postgres != null && !postgres.isBlank();
        args.addAll(List.of("--engines", withPostgres ? "sqlite,postgres" : "sqlite"));
        if (withPostgres) {
            args.addAll(List.of("--postgres-url", postgres));
        }
        Benchmark.Options options = BenchmarkArguments.parse(args.toArray(String[]::new));

        List<Benchmark.EngineRun> runs = new Benchmark(options).run();
        Path report = new BenchmarkReport(options, runs).write();

        assertThat(runs).extracting(Benchmark.EngineRun::engine)
                .containsExactlyElementsOf(withPostgres ? List.of("sqlite", "postgres") : List.of("sqlite"));
        for (Benchmark.EngineRun run : runs) {
            assertThat(run.site().posts()).isGreaterThanOrEqualTo(Scale.S.posts);
            assertThat(run.site().evidenceNotes()).as("evidence notes in the data").isPositive();
            assertThat(run.databaseBytes()).isPositive();
            assertThat(run.startMillis()).isPositive();
            assertThat(run.afterWarmup().rssMib()).isPositive();
            assertThat(run.scenarios()).extracting(Wrk.Result::name).containsExactly(Benchmark.STATIC,
                    Benchmark.TOPIC_ANONYMOUS, Benchmark.TOPIC_SIGNED_IN, Benchmark.COMMUNITY_SIGNED_IN,
                    Benchmark.DECISION_SIGNED_IN, Benchmark.SEARCH_COMMON, Benchmark.SEARCH_RARE, Benchmark.SEARCH_PHRASE,
                    Benchmark.SEARCH_COMMUNITY, Benchmark.REPLY, Benchmark.REPLY_FOLLOWED);
            // the notification scenarios' topics add their opening posts to the site
            assertThat(run.searchIndex().posts()).as("every post indexed by search-rebuild")
                    .isEqualTo(run.site().posts() + run.notificationTopics());
            assertThat(run.searchIndex().bytes()).isPositive();
            for (Wrk.Result scenario : run.scenarios()) {
                assertThat(scenario.requests()).as(run.engine() + " " + scenario.name()).isPositive();
                assertThat(scenario.errors()).as(run.engine() + " " + scenario.name()).isZero();
                assertThat(scenario.p99Millis()).as(run.engine() + " " + scenario.name()).isPositive();
            }
            assertThat(run.repliesStored()).isPositive();
            assertThat(run.followedBacklog().drainMillis()).as(run.engine() + " followed replies told").isNotNegative();
            assertThat(run.fanOut().measured()).as(run.engine() + " fan-out rounds").hasSize(2).allSatisfy(round -> {
                assertThat(round.rows()).as(run.engine() + " a row for every follower").isEqualTo(30);
                assertThat(round.mails()).as(run.engine() + " mail queued").isPositive();
                assertThat(round.replyMillis()).isPositive();
                assertThat(round.rowsMillis()).isNotNegative();
            });
            assertThat(run.liveCounts()).singleElement().satisfies(counts -> {
                assertThat(counts.connected()).as(run.engine() + " count streams open").isEqualTo(20);
                assertThat(counts.received()).as(run.engine() + " members whose count followed the reply").isEqualTo(20);
                assertThat(counts.maxMillis()).isNotNegative();
            });
            assertThat(run.live()).singleElement().satisfies(live -> {
                assertThat(live.received()).as(run.engine() + " live readers who got the reply").isEqualTo(20);
                assertThat(live.maxMillis()).isPositive();
            });
        }
        String markdown = Files.readString(report);
        assertThat(markdown).contains("## Notifications", "| sqlite | post a reply, followed topic |", "| sqlite | 30 | 2 |");
        assertThat(markdown).contains("## Load", "| sqlite | topic page, signed in |", "| sqlite | decision page, signed in |", "## Budget");
        if (withPostgres) {
            assertThat(markdown).contains("| postgres | post a reply |");
        }
    }
}
