package org.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.hearth.identity.HandleSkeletonsMigration;
import org.hearth.testing.FormToken;
import org.hearth.testing.LiveUpdateLoad;

/**
 * The whole benchmark: for each engine, generate a site, start Hearth in its own JVM, sign the
 * readers in, run each load scenario with wrk, measure memory, start time, database size and a
 * browser's first load, and write everything to a Markdown report.
 *
 * <pre>java -cp ... org.hearth.bench.Benchmark --scale M --engines sqlite,postgres --jar target/hearth.jar</pre>
 *
 * Run it through {@code bench/run}, which builds Hearth and finds the class path.
 */
public final class Benchmark {

    /** What a run is told; every field has a default so a bare run works. */
    record Options(Scale scale, List<String> engines, int warmupSeconds, int seconds, int connections,
            List<String> launch, List<String> jvmOptions, Path work, Path report, String postgresAdminUrl,
            List<Integer> liveReaders, boolean firstLoad, long seed, boolean aot, List<String> plainLaunch,
            List<String> scenarios, int followers, int fanOutFollowers, int fanOutRounds, List<Integer> liveCounts) {

        /** Whether the scenario of this short name ({@link BenchmarkArguments#SCENARIOS}) is to run. */
        boolean runs(String scenario) {
            return scenarios.contains(scenario);
        }
    }

    /** Everything measured on one engine. */
    record EngineRun(String engine, SiteGenerator.Site site, long databaseBytes, long startMillis, long plainStartMillis,
            HearthProcess.Memory afterStart, HearthProcess.Memory afterWarmup, long rssUnderLoadMib,
            List<Wrk.Result> scenarios, long repliesStored, List<LiveUpdate> live, FirstLoad.Bytes firstLoad, SearchIndex searchIndex,
            Backlog followedBacklog, FanOut fanOut, List<NotificationLoad.Counts> liveCounts, int notificationTopics) {

        Wrk.Result scenario(String name) {
            return scenarios.stream().filter(s -> s.name().equals(name)).findFirst().orElse(null);
        }
    }

    /** The search index as the rebuild command made it before Hearth started: posts in it, bytes on disk, time taken. */
    record SearchIndex(long posts, long bytes, long buildMillis) {
    }

    /**
     * What the replies into followed topics left to tell when the load stopped: items still queued,
     * how long until the queue was empty, and Hearth's CPU from the start of the measured window
     * until then, per reply acknowledged in the window (the fan-out it caused included).
     */
    record Backlog(long waitingAtEnd, long drainMillis, double cpuMillisPerReplyWithFanOut) {
    }

    /** The fan-out rounds: warm-up rounds first, then the measured ones. */
    record FanOut(int followers, int warmUps, List<NotificationLoad.Round> rounds) {

        List<NotificationLoad.Round> measured() {
            return rounds.subList(warmUps, rounds.size());
        }
    }

    /** The followed topics of the notification scenarios, written before Hearth starts; null where not needed. */
    record Fixtures(SiteGenerator.Followed replyFollowed, SiteGenerator.Followed fanOut, SiteGenerator.Followed liveCounts,
            SiteGenerator.Followed liveCountsWarmUp) {

        /** The topics added for these scenarios, each with its opening post: the site has as many more posts. */
        int topics() {
            return java.util.stream.Stream.of(replyFollowed, fanOut, liveCounts, liveCountsWarmUp)
                    .filter(java.util.Objects::nonNull).mapToInt(f -> f.topicPaths().size()).sum();
        }
    }

    record LiveUpdate(int readers, int received, int errors, double p50Millis, double p90Millis, double p99Millis,
            double maxMillis, long rssMib) {
    }

    /** Each open live stream holds about 114 KB of Tomcat's buffers, so the live runs get a bigger heap. */
    static final String LIVE_HEAP = "-Xmx1536m";
    private static final int LIVE_WARMUP_READERS = 200;
    private static final int LIVE_WARMUP_ROUNDS = 5;

    static final String STATIC = "static asset";
    static final String TOPIC_ANONYMOUS = "topic page, anonymous";
    static final String TOPIC_SIGNED_IN = "topic page, signed in";
    static final String COMMUNITY_SIGNED_IN = "community page, signed in";
    static final String DECISION_SIGNED_IN = "decision page, signed in";
    static final String REPLY = "post a reply";
    static final String REPLY_FOLLOWED = "post a reply, followed topic";
    /** Rounds of the fan-out scenario that warm up and are not counted. */
    static final int FAN_OUT_WARM_UPS = 2;
    /** Members whose counts stream in the live-count warm-up, and its rounds. */
    static final int LIVE_COUNT_WARMUP_MEMBERS = 200;
    private static final int LIVE_COUNT_WARMUP_ROUNDS = 5;
    static final String SEARCH_COMMON = "search, a common word";
    static final String SEARCH_RARE = "search, a rare word";
    static final String SEARCH_PHRASE = "search, a phrase";
    static final String SEARCH_COMMUNITY = "search, one community";
    /** The search scenarios by short name, with what each searches for (all signed in, as readers who belong to two communities). */
    static final Map<String, String[]> SEARCHES = new java.util.LinkedHashMap<>(Map.of());

    static {
        SEARCHES.put("search-common", new String[] {SEARCH_COMMON, "/search?q=treatment"});
        SEARCHES.put("search-rare", new String[] {SEARCH_RARE, "/search?q=" + SiteGenerator.RARE_WORD});
        SEARCHES.put("search-phrase", new String[] {SEARCH_PHRASE, "/search?q=%22blood+pressure%22"});
        SEARCHES.put("search-community", new String[] {SEARCH_COMMUNITY, "/search?q=tired+nurse&c={community}"});
    }
    private static final int PORT = 18_080;

    private final Options options;
    private List<String> jvmOptions;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    Benchmark(Options options) {
        this.options = options;
        this.jvmOptions = options.jvmOptions();
    }

    /** The JVM options Hearth was started with, the cache included when one was trained. */
    List<String> jvmOptions() {
        return jvmOptions;
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        Options options = BenchmarkArguments.parse(args);
        List<EngineRun> runs = new Benchmark(options).run();
        Path written = new BenchmarkReport(options, runs).write();
        System.out.println("Report written to " + written);
    }

    List<EngineRun> run() throws Exception {
        if (!Wrk.installed()) {
            throw new IllegalStateException("wrk is not installed (Debian: apt-get install wrk)");
        }
        if (options.aot()) {
            jvmOptions = trainAheadOfTimeCache();
        }
        List<EngineRun> runs = new ArrayList<>();
        for (String engine : options.engines()) {
            runs.add(runEngine(engine));
        }
        return runs;
    }

    /**
     * One start of Hearth that stops once its context is ready (Spring's training mode), with
     * the JVM recording the classes it loaded; later starts map them instead of loading them.
     */
    private List<String> trainAheadOfTimeCache() throws IOException, InterruptedException {
        Path cache = options.work().resolve("hearth.aot");
        Path training = options.work().resolve("aot-training");
        deleteRecursively(training);
        Files.createDirectories(training);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Dspring.context.exit=onRefresh"));
        command.addAll(options.launch());
        command.addAll(List.of("--hearth.data-dir=" + training, "--server.port=0"));
        say("aot", "training the ahead-of-time cache");
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(training.resolve("training.log").toFile()).start();
        if (p.waitFor() != 0 || !Files.exists(cache)) {
            throw new IllegalStateException("the training start failed; see " + training.resolve("training.log"));
        }
        List<String> withCache = new ArrayList<>(options.jvmOptions());
        withCache.add("-XX:AOTCache=" + cache);
        return List.copyOf(withCache);
    }

    private EngineRun runEngine(String engine) throws Exception {
        boolean postgres = engine.equals("postgres");
        Path engineDir = options.work().resolve(engine);
        deleteRecursively(engineDir);
        Files.createDirectories(engineDir);
        Database database = postgres ? Database.postgres(options.postgresAdminUrl(), "hearth_bench")
                : Database.sqlite(engineDir.resolve("data"));
        try {
            say(engine, "generating scale " + options.scale() + " (seed " + options.seed() + ")");
            Flyway.configure().dataSource(database.url(), null, null)
                    .locations("classpath:db/migration/common", "classpath:db/migration/" + (postgres ? "postgresql" : "sqlite"))
                    .javaMigrations(new HandleSkeletonsMigration())
                    .load().migrate();
            SiteGenerator.Site site;
            SiteGenerator generator = new SiteGenerator(options.scale(), options.seed());
            try (Connection connection = database.connect()) {
                site = generator.generate(connection, postgres);
            }
            say(engine, "%d posts, %d topics, %d members, %d reactions in %.1f s".formatted(site.posts(), site.topics(),
                    site.members(), site.reactions(), site.generationMillis() / 1000.0));
            long databaseBytes = database.settledSize();
            Fixtures fixtures;
            try (Connection connection = database.connect()) {
                // the same generator, drawing on after the site: its ids are new ones
                fixtures = fixtures(generator, connection, postgres);
            }
            return measure(engine, database, site, fixtures, databaseBytes, engineDir);
        } finally {
            database.drop();
        }
    }

    /**
     * The topics the notification scenarios post to, each followed by its own members: twenty for
     * {@code reply-followed}, as many as the rounds of {@code fan-out}, one for each live-count
     * run. Written after the site's size was measured, so that stays comparable between runs.
     */
    private Fixtures fixtures(SiteGenerator generator, Connection connection, boolean postgres) throws SQLException {
        SiteGenerator.Followed replyFollowed = options.runs("reply-followed")
                ? generator.follow(connection, postgres, SiteGenerator.REPLY_TOPICS, options.followers()) : null;
        SiteGenerator.Followed fanOut = options.runs("fan-out")
                ? generator.follow(connection, postgres, FAN_OUT_WARM_UPS + options.fanOutRounds(), options.fanOutFollowers()) : null;
        SiteGenerator.Followed liveCounts = null;
        SiteGenerator.Followed warmUp = null;
        if (!options.liveCounts().isEmpty()) {
            int most = options.liveCounts().stream().mapToInt(Integer::intValue).max().orElseThrow();
            warmUp = generator.follow(connection, postgres, 1, Math.min(LIVE_COUNT_WARMUP_MEMBERS, most));
            // one topic per run, each followed by exactly that run's members: the largest run's topic by all of them
            List<String> paths = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (int n : options.liveCounts()) {
                SiteGenerator.Followed one = generator.follow(connection, postgres, 1, n);
                paths.add(one.topicPaths().getFirst());
                ids.add(one.topicIds().getFirst());
                if (n == most) {
                    liveCounts = one;
                }
            }
            liveCounts = new SiteGenerator.Followed(List.copyOf(paths), List.copyOf(ids), liveCounts.followerHandles());
        }
        return new Fixtures(replyFollowed, fanOut, liveCounts, warmUp);
    }

    private EngineRun measure(String engine, Database database, SiteGenerator.Site site, Fixtures fixtures, long databaseBytes,
            Path engineDir) throws Exception {
        String hearthCores = pinning() ? "0" : null;
        String loadCores = pinning() ? "1" : null;
        long plainStart = -1;
        if (options.plainLaunch() != null) {
            try (HearthProcess plain = HearthProcess.start(options.plainLaunch(), options.jvmOptions(), hearthCores,
                    PORT, database.settings(), engineDir.resolve("hearth-plain.log"))) {
                plainStart = plain.startMillis;
                say(engine, "plain jar healthy after " + plainStart + " ms");
            }
        }
        boolean searches = SEARCHES.keySet().stream().anyMatch(options::runs);
        SearchIndex searchIndex = searches ? buildSearchIndex(engine, database, engineDir) : null;
        List<String> settings = new ArrayList<>(database.settings());
        settings.add("--hearth.search.searches-per-minute=1000000000"); // the readers search far more often than people do
        if (!searches) {
            settings.add("--hearth.search.rebuild-at-start=false"); // no search measured: no index built in the background meanwhile
        }
        // No spring.mail.host: queued mail stays in the outbox, as on a site without SMTP; nothing tries to reach a server.
        try (HearthProcess hearth = HearthProcess.start(options.launch(), jvmOptions, hearthCores, PORT,
                settings, engineDir.resolve("hearth.log"))) {
            say(engine, "healthy after " + hearth.startMillis + " ms");
            HearthProcess.Memory afterStart = hearth.memory();
            List<Reader> readers = signIn(hearth.base, site);
            String cookies = readers.getFirst().cookie();
            check(hearth.base, Wrk.Request.get(site.readTopicPath()), 200, null);
            check(hearth.base, new Wrk.Request("GET", site.readTopicPath(), cookies, ""), 200,
                    site.readerHandles().getFirst());
            check(hearth.base, new Wrk.Request("GET", site.memberCommunityPath(), cookies, ""), 200,
                    site.readerHandles().getFirst());

            Wrk wrk = new Wrk(engineDir.resolve("wrk"), loadCores, options.connections());
            List<Wrk.Request> staticAsset = List.of(Wrk.Request.get("/css/hearth.css"));
            List<Wrk.Request> topicAnonymous = List.of(Wrk.Request.get(site.readTopicPath()));
            List<Wrk.Request> topicSignedIn = readers.stream()
                    .map(r -> new Wrk.Request("GET", site.readTopicPath(), r.cookie(), "")).toList();
            List<Wrk.Request> communitySignedIn = readers.stream()
                    .map(r -> new Wrk.Request("GET", site.memberCommunityPath(), r.cookie(), "")).toList();
            List<Wrk.Request> decisionSignedIn = readers.stream()
                    .map(r -> new Wrk.Request("GET", site.readDecisionPath(), r.cookie(), "")).toList();
            check(hearth.base, decisionSignedIn.getFirst(), 200, "Closed loop");
            Map<String, List<Wrk.Request>> searchRequests = new java.util.LinkedHashMap<>();
            for (var search : SEARCHES.entrySet()) {
                if (options.runs(search.getKey())) {
                    String path = search.getValue()[1].replace("{community}", site.memberCommunityPath().substring("/c/".length()));
                    searchRequests.put(search.getKey(), readers.stream().map(r -> new Wrk.Request("GET", path, r.cookie(), "")).toList());
                    check(hearth.base, searchRequests.get(search.getKey()).getFirst(), 200, "class=\"result\"");
                }
            }
            List<Wrk.Request> replies = new ArrayList<>();
            for (int i = 0; i < readers.size(); i++) {
                Reader r = readers.get(i);
                String topic = site.replyTopicPaths().get(i % site.replyTopicPaths().size());
                replies.add(new Wrk.Request("POST", topic + "/replies", r.cookie(), "_csrf=" + encode(r.csrf())
                        + "&body=" + encode("Thank you for telling us how it went; it helps me decide.")
                        + "&contentWarning="));
            }
            check(hearth.base, replies.getFirst(), 302, site.replyTopicPaths().getFirst());
            List<Wrk.Request> followedReplies = new ArrayList<>();
            if (fixtures.replyFollowed() != null) {
                for (int i = 0; i < readers.size(); i++) {
                    Reader r = readers.get(i);
                    String topic = fixtures.replyFollowed().topicPaths().get(i % fixtures.replyFollowed().topicPaths().size());
                    followedReplies.add(new Wrk.Request("POST", topic + "/replies", r.cookie(), "_csrf=" + encode(r.csrf())
                            + "&body=" + encode("Thank you for telling us how it went; it helps me decide.")
                            + "&contentWarning="));
                }
                check(hearth.base, followedReplies.getFirst(), 302, fixtures.replyFollowed().topicPaths().getFirst());
            }

            // Warm every path up first, so that the memory reading is of a warmed-up server.
            say(engine, "warming up");
            List<List<Wrk.Request>> toWarm = new ArrayList<>();
            if (options.runs("static")) {
                toWarm.add(staticAsset);
            }
            if (options.runs("topic-anonymous")) {
                toWarm.add(topicAnonymous);
            }
            if (options.runs("topic-signed-in")) {
                toWarm.add(topicSignedIn);
            }
            if (options.runs("community-signed-in")) {
                toWarm.add(communitySignedIn);
            }
            if (options.runs("decision-signed-in")) {
                toWarm.add(decisionSignedIn);
            }
            toWarm.addAll(searchRequests.values());
            for (List<Wrk.Request> requests : toWarm) {
                wrk.warmUp(hearth.base, requests, options.warmupSeconds());
            }
            HearthProcess.Memory afterWarmup = hearth.memory();

            AtomicLong peakUnderLoad = new AtomicLong();
            Thread sampler = Thread.ofVirtual().start(() -> sampleMemory(hearth, peakUnderLoad));
            List<Wrk.Result> results = new ArrayList<>();
            try {
                if (options.runs("static")) {
                    results.add(scenario(engine, wrk, hearth, STATIC, staticAsset, 0));
                }
                if (options.runs("topic-anonymous")) {
                    results.add(scenario(engine, wrk, hearth, TOPIC_ANONYMOUS, topicAnonymous, 0));
                }
                if (options.runs("topic-signed-in")) {
                    results.add(scenario(engine, wrk, hearth, TOPIC_SIGNED_IN, topicSignedIn, 0));
                }
                if (options.runs("community-signed-in")) {
                    results.add(scenario(engine, wrk, hearth, COMMUNITY_SIGNED_IN, communitySignedIn, 0));
                }
                if (options.runs("decision-signed-in")) {
                    results.add(scenario(engine, wrk, hearth, DECISION_SIGNED_IN, decisionSignedIn, 0));
                }
                for (var search : searchRequests.entrySet()) {
                    results.add(scenario(engine, wrk, hearth, SEARCHES.get(search.getKey())[0], search.getValue(), 0));
                }
                long stored = 0;
                if (options.runs("reply")) {
                    long before = database.count("posts");
                    results.add(scenario(engine, wrk, hearth, REPLY, replies, options.warmupSeconds()));
                    stored = database.count("posts") - before;
                    Wrk.Result reply = results.getLast();
                    say(engine, "%d replies stored for %d acknowledged (warm-up included)".formatted(stored,
                            wrk.lastAcknowledged()));
                    if (stored < wrk.lastAcknowledged() - reply.errors()) {
                        throw new IllegalStateException("acknowledged replies are missing from the database: "
                                + stored + " stored, " + wrk.lastAcknowledged() + " acknowledged");
                    }
                }
                Backlog backlog = null;
                if (fixtures.replyFollowed() != null) {
                    drain(engine, database); // what the plain replies caused is told first
                    long before = database.count("posts");
                    long cpuBefore = hearth.cpuNanos();
                    say(engine, "(%d followers in each of %d topics)".formatted(fixtures.replyFollowed().followers(),
                            fixtures.replyFollowed().topicPaths().size()));
                    results.add(scenario(engine, wrk, hearth, REPLY_FOLLOWED, followedReplies, options.warmupSeconds()));
                    long storedFollowed = database.count("posts") - before;
                    if (storedFollowed < wrk.lastAcknowledged() - results.getLast().errors()) {
                        throw new IllegalStateException("acknowledged replies are missing from the database: "
                                + storedFollowed + " stored, " + wrk.lastAcknowledged() + " acknowledged");
                    }
                    backlog = backlog(engine, database, hearth, results.getLast(), cpuBefore);
                }
                FanOut fanOut = null;
                if (fixtures.fanOut() != null) {
                    fanOut = fanOut(engine, database, hearth, readers.getFirst(), fixtures.fanOut());
                }
                long underLoad = peakUnderLoad.get();
                FirstLoad.Bytes firstLoad = null;
                if (options.firstLoad() && FirstLoad.available()) {
                    firstLoad = FirstLoad.measure(hearth.base.resolve(site.readTopicPath()));
                    say(engine, "first load of a topic page: %d bytes in %d responses".formatted(firstLoad.bytes(),
                            firstLoad.responses()));
                }
                hearth.close();
                List<LiveUpdate> live = new ArrayList<>();
                for (int n : options.liveReaders()) {
                    live.add(liveUpdate(engine, database, site, readers.getFirst(), n, engineDir));
                }
                List<NotificationLoad.Counts> counts = new ArrayList<>();
                if (fixtures.liveCounts() != null) {
                    counts = liveCounts(engine, database, fixtures, readers.getFirst(), engineDir);
                }
                return new EngineRun(engine, site, databaseBytes, hearth.startMillis, plainStart, afterStart, afterWarmup,
                        underLoad, results, stored, live, firstLoad, searchIndex, backlog, fanOut, counts,
                        fixtures.topics());
            } finally {
                sampler.interrupt();
            }
        }
    }

    /**
     * Builds the search index of the generated posts with Hearth's own command ({@code search-rebuild}), as a site
     * that had posts before search would, and measures it: the data is written straight into the tables, past Hearth.
     */
    private SearchIndex buildSearchIndex(String engine, Database database, Path engineDir) throws Exception {
        say(engine, "building the search index (search-rebuild) ...");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options.jvmOptions());
        command.addAll(options.launch());
        command.add("search-rebuild");
        command.addAll(database.settings());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(engineDir.resolve("search-rebuild.log").toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("search-rebuild failed; see " + engineDir.resolve("search-rebuild.log"));
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        long posts = database.count("search_posts");
        long bytes = database.searchIndexBytes();
        say(engine, "search index: %,d posts, %,d bytes, built in %.1f s".formatted(posts, bytes, millis / 1000.0));
        return new SearchIndex(posts, bytes, millis);
    }

    /**
     * A fresh Hearth for each live run (streams of a finished run linger until a heartbeat finds
     * them gone), N anonymous readers on the read topic, one reply posted by a signed-in reader.
     */
    private LiveUpdate liveUpdate(String engine, Database database, SiteGenerator.Site site, Reader poster, int readers,
            Path engineDir) throws Exception {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.removeIf(o -> o.startsWith("-Xmx") || o.startsWith("-Xms"));
        jvm.add(LIVE_HEAP);
        List<String> settings = new ArrayList<>(database.settings());
        // room for the warm-up's readers too, who linger until a heartbeat finds them gone
        settings.add("--hearth.live.max-streams=" + (readers + LIVE_WARMUP_READERS * LIVE_WARMUP_ROUNDS + 100));
        try (HearthProcess hearth = HearthProcess.start(options.launch(), jvm, pinning() ? "0" : null, PORT,
                settings, engineDir.resolve("hearth-live-" + readers + ".log"))) {
            say(engine, "live update to " + readers + " readers (after " + LIVE_WARMUP_ROUNDS + " warm-up rounds) ...");
            for (int round = 0; round < LIVE_WARMUP_ROUNDS; round++) {
                LiveUpdateLoad.run(hearth.base, site.readTopicPath(), LIVE_WARMUP_READERS, poster.cookie(),
                        poster.csrf(), Duration.ofSeconds(30));
            }
            LiveUpdateLoad.Result r = LiveUpdateLoad.run(hearth.base, site.readTopicPath(), readers, poster.cookie(),
                    poster.csrf(), Duration.ofSeconds(60));
            long rss = hearth.memory().rssMib();
            say(engine, r.line() + " rss_mib=" + rss);
            return new LiveUpdate(readers, r.received(), r.errors(), r.p50Ms(), r.p90Ms(), r.p99Ms(), r.maxMs(), rss);
        }
    }

    /**
     * Waits until the notification queue is empty (what earlier replies caused is told), up to half
     * an hour: a sustained load of replies into followed topics leaves thousands of items behind.
     */
    private static long drain(String engine, Database database) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        long deadline = started + Duration.ofMinutes(30).toNanos();
        long waiting;
        while ((waiting = NotificationLoad.waiting(database)) > 0) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting + " notifications still waiting after half an hour");
            }
            Thread.sleep(10);
        }
        return (System.nanoTime() - started) / 1_000_000;
    }

    /**
     * After the load into followed topics: what was left to tell, how long telling it took, and
     * the CPU per reply with it. The measured window's CPU alone would leave out the fan-out that
     * fell behind.
     */
    private Backlog backlog(String engine, Database database, HearthProcess hearth, Wrk.Result replies, long cpuBefore)
            throws SQLException, InterruptedException {
        long waiting = NotificationLoad.waiting(database);
        long millis = drain(engine, database);
        long cpuAfter = hearth.cpuNanos();
        double perReply = cpuBefore < 0 || cpuAfter < 0 || replies.requests() == 0 ? Double.NaN
                : (cpuAfter - cpuBefore) / 1e6 / replies.requests();
        // the CPU from the start of the warm-up: its replies' fan-out ran in the window too; the window's requests are the divisor
        say(engine, String.format(Locale.ROOT, "%d notifications waiting when the load stopped, told %.1f s later;"
                + " %.2f ms of Hearth's CPU per reply, warm-up and fan-out included", waiting, millis / 1000.0, perReply));
        return new Backlog(waiting, millis, perReply);
    }

    /** One reply at a time into a topic nobody has been told of yet, each after the last one's fan-out finished. */
    private FanOut fanOut(String engine, Database database, HearthProcess hearth, Reader poster, SiteGenerator.Followed topics)
            throws Exception {
        drain(engine, database);
        say(engine, "fan-out: one reply to %d followers, %d warm-up rounds and %d measured ...".formatted(topics.followers(),
                FAN_OUT_WARM_UPS, topics.topicPaths().size() - FAN_OUT_WARM_UPS));
        List<NotificationLoad.Round> rounds = new ArrayList<>();
        for (int i = 0; i < topics.topicPaths().size(); i++) {
            NotificationLoad.Round round = NotificationLoad.fanOut(http, hearth.base, topics.topicPaths().get(i),
                    topics.topicIds().get(i), topics.followers(), poster.cookie(), poster.csrf(), database, hearth::cpuNanos);
            say(engine, (i < FAN_OUT_WARM_UPS ? "  warm-up: " : "  ") + round.line());
            rounds.add(round);
            drain(engine, database);
        }
        return new FanOut(topics.followers(), FAN_OUT_WARM_UPS, rounds);
    }

    /**
     * A fresh Hearth for each run, as for live topics: N members, each signed in, keep their unread
     * count open; one reply into the topic they all follow raises every count. The members sign in
     * once, through the sign-in form, on the first of these Hearths; their sessions are rows in
     * the database and serve the later runs too.
     */
    private List<NotificationLoad.Counts> liveCounts(String engine, Database database, Fixtures fixtures, Reader poster,
            Path engineDir) throws Exception {
        List<String> jvm = new ArrayList<>(jvmOptions);
        jvm.removeIf(o -> o.startsWith("-Xmx") || o.startsWith("-Xms"));
        jvm.add(LIVE_HEAP);
        List<NotificationLoad.Counts> counts = new ArrayList<>();
        List<String> cookies = null;
        for (int i = 0; i < options.liveCounts().size(); i++) {
            int members = options.liveCounts().get(i);
            List<String> settings = new ArrayList<>(database.settings());
            settings.add("--hearth.live.max-streams=" + (members + LIVE_COUNT_WARMUP_MEMBERS + 100));
            try (HearthProcess hearth = HearthProcess.start(options.launch(), jvm, pinning() ? "0" : null, PORT,
                    settings, engineDir.resolve("hearth-live-counts-" + members + ".log"))) {
                if (cookies == null) {
                    List<String> handles = fixtures.liveCounts().followerHandles();
                    long started = System.nanoTime();
                    cookies = NotificationLoad.signIn(hearth.base, handles, SiteGenerator.PASSWORD, 4);
                    say(engine, "%,d members signed in through the sign-in form in %.1f s".formatted(handles.size(),
                            (System.nanoTime() - started) / 1e9));
                }
                say(engine, "live counts of " + members + " members (after " + LIVE_COUNT_WARMUP_ROUNDS + " warm-up rounds) ...");
                List<String> warmUpCookies = cookies.subList(0, fixtures.liveCountsWarmUp().followers());
                for (int round = 0; round < LIVE_COUNT_WARMUP_ROUNDS; round++) {
                    NotificationLoad.liveCounts(hearth.base, warmUpCookies, fixtures.liveCountsWarmUp().topicPaths().getFirst(),
                            poster.cookie(), poster.csrf(), Duration.ofSeconds(30));
                }
                drain(engine, database);
                NotificationLoad.Counts c = NotificationLoad.liveCounts(hearth.base, cookies.subList(0, members),
                        fixtures.liveCounts().topicPaths().get(i), poster.cookie(), poster.csrf(), Duration.ofSeconds(60));
                say(engine, c.line());
                counts.add(c);
            }
        }
        return counts;
    }

    private Wrk.Result scenario(String engine, Wrk wrk, HearthProcess hearth, String name, List<Wrk.Request> requests,
            int warmupSeconds) throws IOException, InterruptedException {
        say(engine, name + " ...");
        Wrk.Result result = wrk.run(name, hearth.base, requests, warmupSeconds, options.seconds(), hearth::cpuNanos,
                hearth::compilingCpuNanos);
        // Hearth's own CPU time per request: unlike requests per second, it hardly depends on what else the machine runs;
        // the JIT compilers' part of it is the part still warming up
        say(engine, String.format(Locale.ROOT, "%s: %.0f/s, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %d errors, %.3f ms of Hearth's CPU per request"
                        + " (%.3f ms of it compiling)",
                name, result.perSecond(), result.p50Millis(), result.p99Millis(), result.maxMillis(), result.errors(),
                result.cpuMillisPerRequest(), result.compilingMillisPerRequest()));
        return result;
    }

    private static void sampleMemory(HearthProcess hearth, AtomicLong peak) {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(hearth.memory().rssMib(), Math::max);
                Thread.sleep(250);
            }
        } catch (InterruptedException | IOException stop) {
            // the run is over
        }
    }

    private boolean pinning() {
        return machineCores() >= 2 && Files.isExecutable(Path.of("/usr/bin/taskset"));
    }

    /**
     * The machine's cores, not this JVM's: bench/run pins the benchmark itself to the load
     * generator's core, and availableProcessors() would then say one.
     */
    static int machineCores() {
        try {
            String online = Files.readString(Path.of("/sys/devices/system/cpu/online")).strip();
            int cores = 0;
            for (String range : online.split(",")) {
                String[] ends = range.split("-");
                cores += ends.length == 1 ? 1 : Integer.parseInt(ends[1]) - Integer.parseInt(ends[0]) + 1;
            }
            return cores;
        } catch (IOException | RuntimeException e) {
            return Runtime.getRuntime().availableProcessors();
        }
    }

    /** A signed-in member: the session cookie and the CSRF token of that session. */
    record Reader(String cookie, String csrf) {
    }

    private List<Reader> signIn(URI base, SiteGenerator.Site site) throws IOException, InterruptedException {
        List<Reader> readers = new ArrayList<>();
        for (String handle : site.readerHandles()) {
            HttpResponse<String> form = http.send(HttpRequest.newBuilder(base.resolve("/sign-in")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = sessionCookie(form, null);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(base.resolve("/sign-in"))
                    .header("Cookie", cookie).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + encode(FormToken.on(form.body())) + "&handle="
                            + encode(handle) + "&password=" + encode(SiteGenerator.PASSWORD)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String location = signedIn.headers().firstValue("Location").orElse("");
            if (signedIn.statusCode() != 302 || location.contains("error")) {
                throw new IllegalStateException("could not sign in " + handle + ": " + signedIn.statusCode() + " "
                        + location);
            }
            cookie = sessionCookie(signedIn, cookie);
            HttpResponse<String> topic = http.send(HttpRequest.newBuilder(base.resolve(site.readTopicPath()))
                    .header("Cookie", cookie).build(), HttpResponse.BodyHandlers.ofString());
            readers.add(new Reader(cookie, FormToken.on(topic.body())));
        }
        return readers;
    }

    private static String sessionCookie(HttpResponse<?> response, String previous) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("HEARTH_SESSION="))
                .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
                .reduce((a, b) -> b).orElse(previous);
    }

    /**
     * One request before the load, so a scenario that only measures error pages cannot pass unseen:
     * a page must contain the text, a redirect must lead to it.
     */
    private void check(URI base, Wrk.Request request, int status, String mustContain)
            throws IOException, InterruptedException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(request.path()));
        if (!request.cookie().isEmpty()) {
            builder.header("Cookie", request.cookie());
        }
        if (request.method().equals("POST")) {
            builder.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(request.body()));
        }
        HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        String shown = status / 100 == 3 ? response.headers().firstValue("Location").orElse("") : response.body();
        if (response.statusCode() != status || (mustContain != null && !shown.contains(mustContain))) {
            throw new IllegalStateException(request.method() + " " + request.path() + " answered "
                    + response.statusCode() + (mustContain == null ? "" : " without " + mustContain)
                    + " before the load started");
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static void say(String engine, String message) {
        System.out.println("[" + engine + "] " + message);
    }

    static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The database one engine's run uses: a fresh SQLite file, or a fresh PostgreSQL database. */
    record Database(String url, boolean postgres, Path sqliteDir, String adminUrl, String name) {

        static Database sqlite(Path dir) throws IOException {
            Files.createDirectories(dir);
            return new Database("jdbc:sqlite:" + dir.resolve("hearth.db"), false, dir, null, null);
        }

        static Database postgres(String adminUrl, String name) throws SQLException {
            try (Connection admin = DriverManager.getConnection(adminUrl); Statement s = admin.createStatement()) {
                s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                s.execute("CREATE DATABASE " + name);
            }
            URI admin = URI.create(adminUrl.substring("jdbc:".length()));
            String url = "jdbc:postgresql://" + admin.getRawAuthority() + "/" + name
                    + (admin.getRawQuery() == null ? "" : "?" + admin.getRawQuery());
            return new Database(url, true, null, adminUrl, name);
        }

        Connection connect() throws SQLException {
            return DriverManager.getConnection(url);
        }

        /**
         * Settings that point Hearth at this database. The generated members post far more in a
         * day than members new to a community may, so those daily limits are lifted; and they all
         * sign in from this one address. The sign-in limit is lifted for every start, the first
         * included: on PostgreSQL the counter is shared in the database and keeps the capacity it
         * was made with.
         */
        List<String> settings() {
            List<String> unlimited = List.of("--hearth.trust.new-members.topics-per-day=1000000",
                    "--hearth.trust.new-members.replies-per-day=1000000",
                    "--hearth.limits.sign-in-per-address.attempts=1000000000");
            if (!postgres) {
                return Stream.concat(Stream.of("--hearth.data-dir=" + sqliteDir, "--hearth.database.url="),
                        unlimited.stream()).toList();
            }
            URI u = URI.create(url.substring("jdbc:".length()));
            String user = "postgres";
            String password = "";
            for (String pair : u.getRawQuery() == null ? new String[0] : u.getRawQuery().split("&")) {
                if (pair.startsWith("user=")) {
                    user = pair.substring(5);
                } else if (pair.startsWith("password=")) {
                    password = pair.substring(9);
                }
            }
            return Stream.concat(Stream.of("--hearth.database.url=jdbc:postgresql://" + u.getRawAuthority() + "/" + name,
                    "--hearth.database.username=" + user, "--hearth.database.password=" + password), unlimited.stream()).toList();
        }

        long count(String table) throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
                r.next();
                return r.getLong(1);
            }
        }

        /** Bytes the search index takes: its table with indexes on PostgreSQL; its table, FTS5's tables and indexes on SQLite. */
        long searchIndexBytes() throws SQLException {
            try (Connection c = connect(); Statement s = c.createStatement();
                    ResultSet r = s.executeQuery(postgres ? "SELECT pg_total_relation_size('search_posts')"
                            : "SELECT SUM(pgsize) FROM dbstat WHERE name LIKE 'search%' OR name LIKE 'sqlite_autoindex_search%'")) {
                r.next();
                return r.getLong(1);
            }
        }

        /** Bytes on disk once the load has settled: the SQLite file after a checkpoint, or pg_database_size. */
        long settledSize() throws SQLException, IOException {
            try (Connection c = connect(); Statement s = c.createStatement()) {
                if (postgres) {
                    s.execute("VACUUM ANALYZE");
                    try (ResultSet r = s.executeQuery("SELECT pg_database_size(current_database())")) {
                        r.next();
                        return r.getLong(1);
                    }
                }
                s.execute("PRAGMA wal_checkpoint(TRUNCATE)");
            }
            long bytes = 0;
            try (Stream<Path> files = Files.list(sqliteDir)) {
                for (Path f : files.toList()) {
                    bytes += Files.size(f);
                }
            }
            return bytes;
        }

        void drop() throws SQLException {
            if (postgres) {
                try (Connection admin = DriverManager.getConnection(adminUrl); Statement s = admin.createStatement()) {
                    s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }
}
