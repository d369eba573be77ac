package org.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Hearth in its own JVM, as an operator runs it, optionally pinned to given cores, so that its
 * memory and start time are its own and the load generator does not share its CPU.
 */
final class HearthProcess implements AutoCloseable {

    private final Process process;
    final URI base;
    final long startMillis;
    final Path log;

    private HearthProcess(Process process, URI base, long startMillis, Path log) {
        this.process = process;
        this.base = base;
        this.startMillis = startMillis;
        this.log = log;
    }

    /**
     * Starts Hearth and waits until {@code /actuator/health} answers UP.
     *
     * @param launch how to run the application: {@code -jar file} or {@code -cp path main-class}
     */
    static HearthProcess start(List<String> launch, List<String> jvmOptions, String cores, int port,
            List<String> settings, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (cores != null) {
            command.addAll(List.of("taskset", "-c", cores));
        }
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(launch);
        command.add("--server.port=" + port);
        command.add("--hearth.passkeys.allowed-origins=http://localhost:" + port);
        command.addAll(settings);
        Files.createDirectories(log.getParent());
        long started = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        URI base = URI.create("http://127.0.0.1:" + port);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest health = HttpRequest.newBuilder(base.resolve("/actuator/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Hearth stopped while starting; see " + log);
            }
            try {
                HttpResponse<String> answer = http.send(health, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    long millis = (System.nanoTime() - started) / 1_000_000;
                    return new HearthProcess(process, base, millis, log);
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        process.destroyForcibly();
        throw new IllegalStateException("Hearth was not healthy within 3 minutes; see " + log);
    }

    /** Resident memory now, and the most it has been, in MiB (from /proc, Linux only). */
    Memory memory() throws IOException {
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        if (!Files.exists(status)) {
            return new Memory(-1, -1);
        }
        long rss = -1;
        long peak = -1;
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith("VmRSS:")) {
                rss = kib(line) / 1024;
            } else if (line.startsWith("VmHWM:")) {
                peak = kib(line) / 1024;
            }
        }
        return new Memory(rss, peak);
    }

    record Memory(long rssMib, long peakMib) {
    }

    /**
     * The CPU time Hearth's JIT compiler threads have used, in nanoseconds; -1 where the system
     * does not say (no /proc). A compiler thread that ended took its time with it, so a later
     * reading can be lower; the caller counts that as not read.
     */
    long compilingCpuNanos() {
        long ticks = 0;
        try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
            for (Path task : tasks.toList()) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException ended) {
                    continue;
                }
                int close = stat.lastIndexOf(')');
                String name = stat.substring(stat.indexOf('(') + 1, close);
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    String[] fields = stat.substring(close + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime and stime, fields 14 and 15
                }
            }
        } catch (IOException | RuntimeException unreadable) {
            return -1;
        }
        return ticks * (1_000_000_000L / CLOCK_TICKS_PER_SECOND);
    }

    /** Linux's USER_HZ, in which /proc gives CPU times: 100 on every common build. */
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    /** The CPU time Hearth has used since it started, in nanoseconds; -1 where the system does not say. */
    long cpuNanos() {
        return process.toHandle().info().totalCpuDuration().map(Duration::toNanos).orElse(-1L);
    }

    private static long kib(String line) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
    }

    /** Ends Hearth at once, as {@code kill -9} or a power cut would: no shutdown hook, nothing flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    /** Stops Hearth; closing twice is harmless. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
