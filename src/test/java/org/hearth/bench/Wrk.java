package org.hearth.bench;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs wrk (a real HTTP load generator, from Debian's packages) with a small Lua script that
 * cycles through prepared requests and prints its summary as one line we can parse. wrk is a
 * closed loop: each connection sends its next request when the last one is answered.
 */
final class Wrk {

    /** One request wrk sends: method, path, Cookie header (or empty) and a form body (or empty). */
    record Request(String method, String path, String cookie, String body) {
        static Request get(String path) {
            return new Request("GET", path, "", "");
        }
    }

    record Result(String name, long requests, double seconds, long errors, double p50Millis, double p90Millis,
            double p99Millis, double maxMillis, long serverCpuNanos, long compilingCpuNanos) {
        double perSecond() {
            return requests / seconds;
        }

        /** The server's CPU time over the measured window divided by the requests served; NaN when not read. */
        double cpuMillisPerRequest() {
            return serverCpuNanos < 0 || requests == 0 ? Double.NaN : serverCpuNanos / 1e6 / requests;
        }

        /** Of {@link #cpuMillisPerRequest}, the JIT compilers' share; NaN when not read. */
        double compilingMillisPerRequest() {
            return compilingCpuNanos < 0 || requests == 0 ? Double.NaN : compilingCpuNanos / 1e6 / requests;
        }
    }

    private static final String SCRIPT = """
            -- Cycles through the requests in the file named by the first argument, one per line:
            -- method, path, cookie and body separated by tabs. Prints a one-line summary.
            local requests = {}
            local next_index = 0
            function init(args)
              for line in io.lines(args[1]) do
                local method, path, cookie, body = line:match("^([^\\t]*)\\t([^\\t]*)\\t([^\\t]*)\\t(.*)$")
                local headers = { ["Accept-Encoding"] = "gzip" }
                if cookie ~= "" then headers["Cookie"] = cookie end
                if body ~= "" then
                  headers["Content-Type"] = "application/x-www-form-urlencoded"
                else
                  body = nil
                end
                requests[#requests + 1] = wrk.format(method, path, headers, body)
              end
            end
            function request()
              next_index = next_index % #requests + 1
              return requests[next_index]
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format(
                "HEARTH requests=%d micros=%d errors=%d p50=%d p90=%d p99=%d max=%d\\n",
                summary.requests, summary.duration,
                e.connect + e.read + e.write + e.status + e.timeout,
                latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max))
            end
            """;
    private static final Pattern SUMMARY = Pattern.compile(
            "HEARTH requests=(\\d+) micros=(\\d+) errors=(\\d+) p50=(\\d+) p90=(\\d+) p99=(\\d+) max=(\\d+)");

    private final Path work;
    private final String cores;
    private final int connections;
    private long lastAcknowledged;

    Wrk(Path work, String cores, int connections) {
        this.work = work;
        this.cores = cores;
        this.connections = connections;
    }

    static boolean installed() {
        try {
            Process p = new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            p.waitFor();
            return true;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** A run whose numbers are thrown away: the JIT and the caches settle. */
    Result warmUp(URI base, List<Request> requests, int seconds) throws IOException, InterruptedException {
        return once("warm-up", base, requests, seconds, () -> -1, () -> -1);
    }

    /** An optional warm-up, then the measured run. */
    Result run(String name, URI base, List<Request> requests, int warmupSeconds, int seconds, LongSupplier serverCpuNanos,
            LongSupplier compilingCpuNanos) throws IOException, InterruptedException {
        long acknowledged = 0;
        if (warmupSeconds > 0) {
            Result warm = once(name, base, requests, warmupSeconds, () -> -1, () -> -1);
            acknowledged += warm.requests() - warm.errors();
        }
        Result measured = once(name, base, requests, seconds, serverCpuNanos, compilingCpuNanos);
        lastAcknowledged = acknowledged + measured.requests() - measured.errors();
        return measured;
    }

    /** Requests answered without error in the last {@link #run}, its warm-up included. */
    long lastAcknowledged() {
        return lastAcknowledged;
    }

    private Result once(String name, URI base, List<Request> requests, int seconds, LongSupplier serverCpuNanos,
            LongSupplier compilingCpuNanos) throws IOException, InterruptedException {
        Files.createDirectories(work);
        Path script = work.resolve("hearth.lua");
        Files.writeString(script, SCRIPT);
        Path list = work.resolve(name.replaceAll("[^a-z0-9]+", "-") + ".requests");
        List<String> lines = new ArrayList<>();
        for (Request r : requests) {
            lines.add(String.join("\t", r.method(), r.path(), r.cookie(), r.body()));
        }
        Files.write(list, lines, StandardCharsets.UTF_8);
        long cpuBefore = serverCpuNanos.getAsLong();
        long compilingBefore = compilingCpuNanos.getAsLong();
        String output = wrk(base, script, list, seconds);
        long cpuAfter = serverCpuNanos.getAsLong();
        long compilingAfter = compilingCpuNanos.getAsLong();
        Matcher m = SUMMARY.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("wrk printed no summary for " + name + ":\n" + output);
        }
        return new Result(name, Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6,
                Long.parseLong(m.group(3)), Long.parseLong(m.group(4)) / 1e3, Long.parseLong(m.group(5)) / 1e3,
                Long.parseLong(m.group(6)) / 1e3, Long.parseLong(m.group(7)) / 1e3,
                cpuBefore < 0 || cpuAfter < 0 ? -1 : cpuAfter - cpuBefore,
                compilingBefore < 0 || compilingAfter < compilingBefore ? -1 : compilingAfter - compilingBefore);
    }

    private String wrk(URI base, Path script, Path list, int seconds) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (cores != null) {
            command.addAll(List.of("taskset", "-c", cores));
        }
        command.addAll(List.of("wrk", "-t1", "-c" + connections, "-d" + seconds + "s", "--timeout", "10s",
                "-s", script.toString(), base.toString(), "--", list.toString()));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        return output;
    }
}
