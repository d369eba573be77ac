package org.hearth.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/** Writes the Markdown report: the machine, the commit, the settings, then every number. */
final class BenchmarkReport {

    /** Hand-written notes on what was profiled and changed, copied into every report. */
    static final Path FINDINGS = Path.of("bench", "findings.md");

    private final Benchmark.Options options;
    private final List<Benchmark.EngineRun> runs;
    private final StringBuilder out = new StringBuilder();

    BenchmarkReport(Benchmark.Options options, List<Benchmark.EngineRun> runs) {
        this.options = options;
        this.runs = runs;
    }

    Path write() throws IOException {
        render();
        Path report = options.report().toAbsolutePath();
        Files.createDirectories(report.getParent());
        Files.writeString(report, out, StandardCharsets.UTF_8);
        return report;
    }

    String render() throws IOException {
        line("# Hearth benchmarks");
        line();
        line("Written by `bench/run` (see the README, \"Benchmarks\"); do not edit by hand. Run it again to");
        line("reproduce: `bench/run --scale " + options.scale() + "`.");
        line();
        line("## Run");
        line();
        line("| | |");
        line("| --- | --- |");
        row("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_LOCAL_DATE) + " (UTC)");
        row("commit", command("git", "rev-parse", "--short", "HEAD")
                + (command("git", "status", "--porcelain").isBlank() ? "" : " with uncommitted changes"));
        row("machine", cpu() + ", " + Benchmark.machineCores() + " cores, "
                + memory() + " memory, Linux " + command("uname", "-r"));
        row("Java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
        if (options.engines().contains("postgres")) {
            row("PostgreSQL", postgresVersion() + " on the same machine, not pinned, default settings");
        }
        row("load tool", command("wrk", "--version").lines().findFirst().orElse("wrk").replaceAll("Copyright.*", "")
                .strip() + ", 1 thread, " + options.connections() + " connections, closed loop, `Accept-Encoding: gzip`");
        row("pinning", Benchmark.machineCores() >= 2
                ? "Hearth on core 0, wrk on core 1 (`taskset`)" : "none (one core)");
        row("Hearth JVM", "`" + String.join(" ", options.jvmOptions()) + "`" + (options.aot()
                ? ", jar extracted and started with an ahead-of-time cache from one training start (`-XX:AOTCache`)"
                : ""));
        row("scale", options.scale() + " (seed " + options.seed() + ")");
        row("each scenario", options.warmupSeconds() + " s warm-up, then " + options.seconds() + " s measured");
        line();

        line("## Data");
        line();
        line("| engine | posts | topics | members | memberships | reactions | generated in | database size | per 100 k posts |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Benchmark.EngineRun run : runs) {
            SiteGenerator.Site s = run.site();
            line("| %s | %,d | %,d | %,d | %,d | %,d | %.1f s | %s | %s |".formatted(run.engine(), s.posts(), s.topics(),
                    s.members(), s.memberships(), s.reactions(), s.generationMillis() / 1000.0,
                    mib(run.databaseBytes()), mib(run.databaseBytes() * 100_000 / Math.max(1, s.posts()))));
        }
        line();
        line("Replies per topic follow a Pareto tail (at most 900); the topic pages measured below show the first");
        line("page (25 posts) of a topic with " + SiteGenerator.READ_TOPIC_REPLIES + " replies.");
        if (!runs.isEmpty()) {
            line(String.format(Locale.ROOT, "Verified clinicians: %,d (one member in %d, and three authors on the measured page, whose posts show badges).",
                    runs.getFirst().site().clinicians(), SiteGenerator.CLINICIAN_EVERY));
            line(String.format(Locale.ROOT, "Evidence notes: %,d (one post in %d, and three on the measured page: two shown, one waiting for ratings).",
                    runs.getFirst().site().evidenceNotes(), SiteGenerator.NOTE_EVERY));
        }
        line();

        line("## Load");
        line();
        line("| engine | scenario | requests/s | p50 | p90 | p99 | max | errors | Hearth's CPU per request | of it compiling |");
        line("| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Benchmark.EngineRun run : runs) {
            for (Wrk.Result r : run.scenarios()) {
                line(String.format(Locale.ROOT, "| %s | %s | %,.0f | %s | %s | %s | %s | %d | %s | %s |", run.engine(), r.name(),
                        r.perSecond(), ms(r.p50Millis()), ms(r.p90Millis()), ms(r.p99Millis()), ms(r.maxMillis()),
                        r.errors(), cpu(r.cpuMillisPerRequest()), cpu(r.compilingMillisPerRequest())));
            }
        }
        line();
        line("Hearth's CPU per request is the CPU time of Hearth's process over the measured window divided by the requests it");
        line("served (the database's own CPU not included on PostgreSQL). It changes far less than requests per second with what");
        line("else the machine is doing, so compare versions by it. \"Of it compiling\" is the JIT compilers' threads: on one core they");
        line("are still compiling minutes into the load, more in some runs than in others, so compare the CPU less that part.");
        line();
        line("\"post a reply\" counts a reply only when Hearth answered with its redirect to the topic, after its commit; the run then counts");
        line("the replies in the database and fails if any acknowledged reply is missing.");
        for (Benchmark.EngineRun run : runs) {
            if (run.scenario(Benchmark.REPLY) != null) {
                line("On " + run.engine() + ", " + String.format(Locale.ROOT, "%,d", run.repliesStored())
                        + " replies were stored (warm-up included).");
            }
        }
        line();
        if (runs.stream().anyMatch(r -> r.searchIndex() != null)) {
            line("Search: the readers (each a member of two communities; the public ones readable too) search the whole site for");
            line("a word in about a third of all posts (`treatment`), a word in one post in " + String.format(Locale.ROOT, "%,d", SiteGenerator.RARE_EVERY)
                    + " (`" + SiteGenerator.RARE_WORD + "`), a phrase of two common words");
            line("(`\"blood pressure\"`), and two words within one members-only community. A search looks at the newest "
                    + org.hearth.search.SearchPosts.MATCHES_LOOKED_AT + " matches it may read and ranks them.");
            line("The index is built before Hearth starts, by its own `search-rebuild` command:");
            line();
            line("| engine | posts indexed | index size | per 100 k posts | built in |");
            line("| --- | ---: | ---: | ---: | ---: |");
            for (Benchmark.EngineRun run : runs) {
                if (run.searchIndex() != null) {
                    Benchmark.SearchIndex index = run.searchIndex();
                    line(String.format(Locale.ROOT, "| %s | %,d | %s | %s | %.1f s |", run.engine(), index.posts(), mib(index.bytes()),
                            mib(index.bytes() * 100_000 / Math.max(1, index.posts())), index.buildMillis() / 1000.0));
                }
            }
        } else {
            line("Search: not measured in this run.");
        }
        line();

        line("## Live updates");
        line();
        if (runs.stream().allMatch(r -> r.live().isEmpty())) {
            line("Not measured in this run.");
        } else {
            line("N readers hold a server-sent-events stream open on one topic; one reply is posted; the time is");
            line("from just before the post until each reader has the reply. Each run has a fresh Hearth started");
            line("with `" + Benchmark.LIVE_HEAP + "` instead of the heap above: an open stream holds about 114 KB of");
            line("Tomcat's buffers. Five warm-up rounds of 200 readers come first. The readers run in the");
            line("benchmark's own JVM, on the load generator's core.");
            line();
            line("| engine | readers | received | errors | p50 | p90 | p99 | max | Hearth's memory |");
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Benchmark.EngineRun run : runs) {
                for (Benchmark.LiveUpdate l : run.live()) {
                    line("| %s | %,d | %,d | %d | %s | %s | %s | %s | %d MiB |".formatted(run.engine(), l.readers(),
                            l.received(), l.errors(), ms(l.p50Millis()), ms(l.p90Millis()), ms(l.p99Millis()),
                            ms(l.maxMillis()), l.rssMib()));
                }
            }
        }
        line();

        notifications();

        line("## Resources");
        line();
        line("| engine | start to healthy | without the cache | memory after start | after warm-up | most under load | first load of a topic page |");
        line("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
        for (Benchmark.EngineRun run : runs) {
            line("| %s | %.1f s | %s | %d MiB | %d MiB | %d MiB | %s |".formatted(run.engine(), run.startMillis() / 1000.0,
                    run.plainStartMillis() < 0 ? "not measured" : "%.1f s".formatted(run.plainStartMillis() / 1000.0),
                    run.afterStart().rssMib(), run.afterWarmup().rssMib(), Math.max(run.rssUnderLoadMib(),
                            run.afterWarmup().rssMib()), run.firstLoad() == null ? "not measured"
                            : "%.1f KB in %d responses".formatted(run.firstLoad().bytes() / 1000.0,
                                    run.firstLoad().responses())));
        }
        line();
        line("Memory is the resident set of Hearth's process (VmRSS), sampled every 250 ms while the scenarios run.");
        line("Start to healthy is from starting the JVM to the first UP from `/actuator/health`, on a migrated");
        line("database; \"without the cache\" is the plain `java -jar` start. The first load is measured");
        line("in Chromium with an empty cache: every response's bytes on the");
        line("wire, headers included.");
        line();

        budget();
        findings();
        return out.toString();
    }

    /** The notification scenarios: the followed topics' backlog, the fan-out rounds and the live counts. */
    private void notifications() {
        line("## Notifications");
        line();
        boolean any = false;
        for (Benchmark.EngineRun run : runs) {
            Wrk.Result followed = run.scenario(Benchmark.REPLY_FOLLOWED);
            Benchmark.Backlog backlog = run.followedBacklog();
            if (followed != null && backlog != null) {
                any = true;
                line(String.format(Locale.ROOT, "On %s, \"%s\" (each of %d topics followed by %,d members, so each reply is told to them"
                        + " after its commit) left %,d items in the notification queue when the load stopped; they were told %.1f s later."
                        + " Hearth's CPU from the start of its warm-up until then, per reply of the measured window: %s.", run.engine(),
                        Benchmark.REPLY_FOLLOWED, SiteGenerator.REPLY_TOPICS, options.followers(), backlog.waitingAtEnd(),
                        backlog.drainMillis() / 1000.0, cpu(backlog.cpuMillisPerReplyWithFanOut())));
                line();
            }
        }
        if (runs.stream().anyMatch(r -> r.fanOut() != null)) {
            any = true;
            line("Fan-out: one signed-in member posts one reply through the form into a topic whose followers (members of its");
            line("community, each with a confirmed address, e-mail of replies at once as by default) have not been told of it yet;");
            line("the database is polled every 10 ms until every follower has an unread notification and a message queued in the");
            line("outbox (no SMTP server is set, so queued mail stays there and nothing tries to send it). Times are from the reply's");
            line("acknowledgement; each round is a fresh topic, after the last round's fan-out finished, " + Benchmark.FAN_OUT_WARM_UPS
                    + " warm-up rounds first.");
            line();
            line("| engine | followers | rounds | reply, median | rows, median | rows, max | mails queued, fewest | mails, median | mails, max | Hearth's CPU per fan-out, median |");
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Benchmark.EngineRun run : runs) {
                Benchmark.FanOut f = run.fanOut();
                if (f == null) {
                    continue;
                }
                List<NotificationLoad.Round> m = f.measured();
                line("| %s | %,d | %d | %s | %s | %s | %,d | %s | %s | %s |".formatted(run.engine(), f.followers(), m.size(),
                        ms(median(m, NotificationLoad.Round::replyMillis)), ms(median(m, NotificationLoad.Round::rowsMillis)),
                        ms(max(m, NotificationLoad.Round::rowsMillis)), m.stream().mapToLong(NotificationLoad.Round::mails).min().orElse(0),
                        ms(median(m, NotificationLoad.Round::mailsMillis)),
                        ms(max(m, NotificationLoad.Round::mailsMillis)), cpu(median(m, NotificationLoad.Round::cpuMillis))));
            }
            line();
        }
        if (runs.stream().anyMatch(r -> !r.liveCounts().isEmpty())) {
            any = true;
            line("Live unread counts: N members, each signed in (through the sign-in form, once), hold `/me/notifications/live` open");
            line("on a fresh Hearth started with `" + Benchmark.LIVE_HEAP + "`; all belong to the first community and follow one topic;");
            line("one reply into it raises every count. Times are from the reply's acknowledgement until each member's stream brings");
            line("the new count (the fan-out and the count asked again for each member included). Five warm-up rounds of "
                    + Benchmark.LIVE_COUNT_WARMUP_MEMBERS + " members come first. The members' streams run in the benchmark's own JVM, on");
            line("the load generator's core.");
            line();
            line("| engine | members | streams open | received | errors | reply | p50 | p90 | p99 | max |");
            line("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
            for (Benchmark.EngineRun run : runs) {
                for (NotificationLoad.Counts c : run.liveCounts()) {
                    line("| %s | %,d | %,d | %,d | %d | %s | %s | %s | %s | %s |".formatted(run.engine(), c.members(), c.connected(),
                            c.received(), c.errors(), ms(c.replyMillis()), ms(c.p50Millis()), ms(c.p90Millis()), ms(c.p99Millis()),
                            ms(c.maxMillis())));
                }
            }
            line();
        }
        if (!any) {
            line("Not measured in this run.");
            line();
        }
    }

    private static double median(List<NotificationLoad.Round> rounds, java.util.function.ToDoubleFunction<NotificationLoad.Round> value) {
        double[] sorted = rounds.stream().mapToDouble(value).sorted().toArray();
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    private static double max(List<NotificationLoad.Round> rounds, java.util.function.ToDoubleFunction<NotificationLoad.Round> value) {
        return rounds.stream().mapToDouble(value).max().orElse(Double.NaN);
    }

    private void budget() {
        line("## Budget");
        line();
        Benchmark.EngineRun sqlite = runs.stream().filter(r -> r.engine().equals("sqlite")).findFirst().orElse(null);
        boolean applies = options.scale() == Scale.M && options.connections() == 32;
        line(applies ? "The budget is set for scale M, 32 connections, SQLite, on a 2-core machine."
                : "The budget is set for scale M, 32 connections, SQLite, on a 2-core machine; this run is at scale "
                        + options.scale() + " with " + options.connections() + " connections, so the check below is for reference only.");
        line();
        if (sqlite == null) {
            line("SQLite was not part of this run.");
            line();
            return;
        }
        line("| what | budget | measured | |");
        line("| --- | --- | --- | --- |");
        Wrk.Result page = sqlite.scenario(Benchmark.TOPIC_SIGNED_IN);
        Wrk.Result asset = sqlite.scenario(Benchmark.STATIC);
        Wrk.Result reply = sqlite.scenario(Benchmark.REPLY);
        if (page == null || asset == null) {
            line("| signed-in topic page throughput | ≥ 25 % of the static asset's | not measured | |");
        } else {
            double share = page.perSecond() / asset.perSecond();
            check("signed-in topic page throughput", "≥ 25 % of the static asset's",
                    String.format(Locale.ROOT, "%.0f %% (%,.0f of %,.0f/s)", share * 100, page.perSecond(), asset.perSecond()),
                    share >= 0.25);
        }
        if (page == null) {
            line("| signed-in topic page p99 | < 50 ms | not measured | |");
        } else {
            check("signed-in topic page p99", "< 50 ms", ms(page.p99Millis()), page.p99Millis() < 50);
        }
        if (reply == null) {
            line("| durable replies | ≥ 300/s | not measured | |");
        } else {
            check("durable replies", "≥ 300/s", String.format(Locale.ROOT, "%,.0f/s", reply.perSecond()),
                    reply.perSecond() >= 300 && reply.errors() == 0);
        }
        Benchmark.LiveUpdate tenThousand = sqlite.live().stream().filter(l -> l.readers() == 10_000).findFirst()
                .orElse(null);
        if (tenThousand == null) {
            line("| live update to 10 000 readers, p99 | < 1 s | not measured | |");
        } else {
            check("live update to 10 000 readers, p99", "< 1 s", ms(tenThousand.p99Millis()),
                    tenThousand.p99Millis() < 1000 && tenThousand.received() == tenThousand.readers());
        }
        NotificationLoad.Counts tenThousandCounts = sqlite.liveCounts().stream().filter(c -> c.members() == 10_000).findFirst()
                .orElse(null);
        if (tenThousandCounts == null) {
            line("| live unread count to 10 000 members, p99 | < 1 s | not measured | |");
        } else {
            check("live unread count to 10 000 members, p99", "< 1 s", ms(tenThousandCounts.p99Millis()),
                    tenThousandCounts.p99Millis() < 1000 && tenThousandCounts.received() == tenThousandCounts.members());
        }
        if (sqlite.firstLoad() == null) {
            line("| first load of a topic page | < 60 KB | not measured | |");
        } else {
            check("first load of a topic page", "< 60 KB", "%.1f KB".formatted(sqlite.firstLoad().bytes() / 1000.0),
                    sqlite.firstLoad().bytes() < 60_000);
        }
        long most = Math.max(sqlite.rssUnderLoadMib(), sqlite.afterWarmup().rssMib());
        check("resident memory", "< 300 MB", most + " MiB (" + Math.round(most * 1.048576) + " MB)",
                most * 1.048576 < 300);
        check("start to healthy", "< 5 s", "%.1f s".formatted(sqlite.startMillis() / 1000.0), sqlite.startMillis() < 5000);
        line();
    }

    private void findings() throws IOException {
        if (Files.exists(FINDINGS)) {
            line(Files.readString(FINDINGS).strip());
            line();
        }
    }

    private void check(String what, String budget, String measured, boolean met) {
        line("| " + what + " | " + budget + " | " + measured + " | " + (met ? "met" : "**missed**") + " |");
    }

    private void row(String name, String value) {
        line("| " + name + " | " + value + " |");
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    private void line() {
        out.append('\n');
    }

    private static String cpu(double millis) {
        return Double.isNaN(millis) ? "not read" : String.format(Locale.ROOT, "%.2f ms", millis);
    }

    private static String ms(double millis) {
        if (Double.isNaN(millis)) {
            return "not all";
        }
        return millis >= 100 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f ms", millis);
    }

    private static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }

    private String postgresVersion() {
        try (Connection c = DriverManager.getConnection(options.postgresAdminUrl()); Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SHOW server_version")) {
            r.next();
            return r.getString(1).replaceAll(" .*", "");
        } catch (Exception e) {
            return "unknown version";
        }
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        } catch (IOException e) {
            return "unknown CPU";
        }
    }

    private static String memory() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal"))
                    .findFirst().map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB")
                    .orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String command(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor() == 0 || command[0].equals("wrk") ? text : "unknown";
        } catch (IOException | InterruptedException e) {
            return "unknown";
        }
    }
}
