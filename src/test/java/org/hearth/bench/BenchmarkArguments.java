package org.hearth.bench;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** The command line of {@link Benchmark}; {@code --help} prints it. */
final class BenchmarkArguments {

    /** What the budget is measured with; README says the same for small machines. */
    static final String DEFAULT_JVM = "-Xms64m -Xmx128m -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED";

    static final String USAGE = """
            Options (all optional):
              --scale S|M|L          site size: 10k, 200k or 1M posts (default S)
              --engines LIST         sqlite,postgres (default both)
              --warmup SECONDS       warm-up before each scenario (default 10)
              --duration SECONDS     measured time of each scenario (default 30)
              --connections N        concurrent connections wrk keeps open (default 32)
              --live LIST            live-update readers, e.g. 1000,10000 (default 1000,10000; none to skip)
              --scenarios LIST       load scenarios to run, of static, topic-anonymous, topic-signed-in,
                                     community-signed-in, decision-signed-in, search-common, search-rare,
                                     search-phrase, search-community, reply, reply-followed, fan-out
                                     (default all); only those are warmed up
              --followers N          members following each topic of reply-followed (default 500)
              --fan-out-followers N  members told of each reply of fan-out (default 1000)
              --fan-out-rounds N     measured replies of fan-out, after two warm-up ones (default 5)
              --live-counts LIST     signed-in members holding their unread count open, one run each,
                                     e.g. 1000,10000 (default 1000,10000; none to skip)
              --jar FILE             run Hearth from this jar (default: this class path)
              --aot                  train an ahead-of-time cache with one start of that jar and use it
              --plain-jar FILE       also time one start of this jar without the cache
              --jvm "OPTIONS"        Hearth's JVM options (default "%s")
              --postgres-url URL     an administrator's JDBC URL; a database hearth_bench is made and dropped
                                     (default $HEARTH_BENCH_POSTGRES_URL, $HEARTH_TEST_POSTGRES_URL or
                                     jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres)
              --no-first-load        skip the browser measurement
              --seed N               data generator seed (default 2026)
              --work DIR             scratch directory (default target/bench)
              --report FILE          Markdown report (default docs/benchmarks.md)
            """.formatted(DEFAULT_JVM);

    /** The load scenarios by their short names, in the order they run. */
    static final List<String> SCENARIOS = List.of("static", "topic-anonymous", "topic-signed-in", "community-signed-in",
            "decision-signed-in", "search-common", "search-rare", "search-phrase", "search-community", "reply", "reply-followed",
            "fan-out");

    private BenchmarkArguments() {
    }

    static Benchmark.Options parse(String... args) {
        Scale scale = Scale.S;
        List<String> engines = List.of("sqlite", "postgres");
        int warmup = 10;
        int duration = 30;
        int connections = 32;
        List<Integer> live = List.of(1_000, 10_000);
        List<Integer> liveCounts = List.of(1_000, 10_000);
        int followers = 500;
        int fanOutFollowers = 1_000;
        int fanOutRounds = 5;
        List<String> scenarios = SCENARIOS;
        List<String> launch = null;
        String jvm = DEFAULT_JVM;
        String postgres = firstSet(System.getenv("HEARTH_BENCH_POSTGRES_URL"), System.getenv("HEARTH_TEST_POSTGRES_URL"),
                "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        boolean firstLoad = true;
        boolean aot = false;
        List<String> plainLaunch = null;
        long seed = 2026;
        Path work = Path.of("target", "bench");
        Path report = Path.of("docs", "benchmarks.md");
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (name.equals("--help")) {
                System.out.println(USAGE);
                System.exit(0);
            }
            if (name.equals("--no-first-load")) {
                firstLoad = false;
                continue;
            }
            if (name.equals("--aot")) {
                aot = true;
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(name + " needs a value\n" + USAGE);
            }
            String value = args[++i];
            switch (name) {
                case "--scale" -> scale = Scale.valueOf(value.toUpperCase(Locale.ROOT));
                case "--engines" -> engines = Arrays.stream(value.split(",")).map(String::strip).map(e -> {
                    if (!e.equals("sqlite") && !e.equals("postgres")) {
                        throw new IllegalArgumentException("unknown engine " + e + ": sqlite or postgres");
                    }
                    return e;
                }).toList();
                case "--warmup" -> warmup = Integer.parseInt(value);
                case "--duration" -> duration = Integer.parseInt(value);
                case "--connections" -> connections = Integer.parseInt(value);
                case "--live" -> live = value.equals("none") ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--live-counts" -> liveCounts = value.equals("none") ? List.of()
                        : Arrays.stream(value.split(",")).map(String::strip).map(Integer::valueOf).toList();
                case "--followers" -> followers = Integer.parseInt(value);
                case "--fan-out-followers" -> fanOutFollowers = Integer.parseInt(value);
                case "--fan-out-rounds" -> fanOutRounds = Integer.parseInt(value);
                case "--scenarios" -> scenarios = Arrays.stream(value.split(",")).map(String::strip).map(sc -> {
                    if (!SCENARIOS.contains(sc)) {
                        throw new IllegalArgumentException("unknown scenario " + sc + ": one of " + String.join(", ", SCENARIOS));
                    }
                    return sc;
                }).toList();
                case "--jar" -> launch = List.of("-jar", Path.of(value).toAbsolutePath().toString());
                case "--plain-jar" -> plainLaunch = List.of("-jar", Path.of(value).toAbsolutePath().toString());
                case "--jvm" -> jvm = value;
                case "--postgres-url" -> postgres = value;
                case "--seed" -> seed = Long.parseLong(value);
                case "--work" -> work = Path.of(value);
                case "--report" -> report = Path.of(value);
                default -> throw new IllegalArgumentException("unknown option " + name + "\n" + USAGE);
            }
        }
        if (launch == null) {
            launch = List.of("-cp", applicationClassPath(), "org.hearth.HearthApplication");
        }
        List<String> jvmOptions = new ArrayList<>(Arrays.asList(jvm.strip().split("\\s+")));
        jvmOptions.removeIf(String::isEmpty);
        return new Benchmark.Options(scale, engines, warmup, duration, connections, launch, List.copyOf(jvmOptions),
                work.toAbsolutePath(), report, postgres, live, firstLoad, seed, aot, plainLaunch, scenarios, followers,
                fanOutFollowers, fanOutRounds, liveCounts);
    }

    /** This JVM's class path without the test classes, so Hearth starts as it would from its jar. */
    static String applicationClassPath() {
        // under Maven's test runner java.class.path is a single manifest jar; it names the real path here
        String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(path.split(File.pathSeparator))
                .filter(entry -> !entry.endsWith("test-classes") && !entry.endsWith("test-classes/"))
                .reduce((a, b) -> a + File.pathSeparator + b).orElseThrow();
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        throw new IllegalStateException("no value");
    }
}
