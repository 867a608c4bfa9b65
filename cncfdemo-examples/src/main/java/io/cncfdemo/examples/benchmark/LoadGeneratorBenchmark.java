package io.cncfdemo.examples.benchmark;

import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.LoadSources;
import io.cncfdemo.benchmark.LoopbackTarget;
import io.cncfdemo.benchmark.ResultStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/**
 * The in-JVM load generator ({@code LoadSources.constantRate}) against wrk, on the same trivial
 * HTTP server on 127.0.0.1: closed loop with 64 connections on 2 threads each (goal: at least 0.8×
 * wrk's requests/s), then the generator alone at a constant 20,000 requests/s (goal: under 1 %
 * short of it). The server is the pinned Go program of {@code scripts/http-target} (built by {@code
 * scripts/http-target.sh}), or with {@code --server jdk} the JDK's server ({@link LoopbackTarget}).
 * Each run loads for {@code --seconds} (default 10) after a 3 s warm-up of the generator; the table
 * has the medians of {@code --runs} runs (default 3). With {@code CNCFDEMO_BENCH_OUT} naming a
 * file, one tab-separated line per figure is appended to it.
 *
 * <p>{@code java -cp … io.cncfdemo.examples.benchmark.LoadGeneratorBenchmark [--runs N] [--seconds
 * S] [--server go|jdk]}, run from the repository (it finds {@code scripts/http-target.sh}).
 */
public final class LoadGeneratorBenchmark {
  private static final int CONNECTIONS = 64;
  private static final int THREADS = 2;
  private static final int RATE = 20_000;
  private static final Pattern WRK_RATE = Pattern.compile("Requests/sec:\\s+([0-9.]+)");

  private LoadGeneratorBenchmark() {}

  public static void main(String[] args) throws Exception {
    var options = Arrays.asList(args);
    int runs = Integer.parseInt(option(options, "--runs", "3"));
    var seconds = Duration.ofSeconds(Long.parseLong(option(options, "--seconds", "10")));
    var server = option(options, "--server", "go");
    var ours = new ArrayList<Double>();
    var wrk = new ArrayList<Double>();
    var held = new ArrayList<Double>();
    var p99 = new ArrayList<Double>();
    var rawP99 = new ArrayList<Double>();
    try (var target = Target.start(server)) {
      System.out.println("target: " + target.describe() + " at " + target.url());
      closedLoop(target.url(), Duration.ofSeconds(3)); // the JIT's warm-up, not measured
      for (int run = 1; run <= runs; run++) {
        double wrkRate = wrk(target.url(), seconds);
        double ourRate = closedLoop(target.url(), seconds).requestsPerSecond();
        var constant = constantRate(target.url(), seconds);
        double heldShare = constant.requests() / (RATE * (double) seconds.toSeconds());
        System.out.printf(
            Locale.ROOT,
            "run %d: closed loop %,.0f req/s, wrk %,.0f req/s; at %,d/s: %,.0f req/s sent"
                + " (%.2f %% short), p99 %.2f ms from the schedule, %.2f ms service time%n",
            run,
            ourRate,
            wrkRate,
            RATE,
            constant.requestsPerSecond(),
            100 * (1 - heldShare),
            constant.latency().p99Ms(),
            constant.uncorrectedLatency().orElseThrow().p99Ms());
        ours.add(ourRate);
        wrk.add(wrkRate);
        held.add(heldShare);
        p99.add(constant.latency().p99Ms());
        rawP99.add(constant.uncorrectedLatency().orElseThrow().p99Ms());
      }
    }
    double ratio = median(ours) / median(wrk);
    double shortfall = Math.max(0, 1 - median(held));
    var figures =
        List.of(
            new String[] {
              "in-JVM load generator, closed loop, 64 connections, 2 threads ("
                  + server
                  + " server)",
              String.format(Locale.ROOT, "%,.0f req/s", median(ours)),
              String.format(Locale.ROOT, "%,.0f req/s (wrk -t2 -c64)", median(wrk)),
              String.format(Locale.ROOT, "%.2f× wrk", ratio),
              "≥ 0.8× wrk",
              ratio >= 0.8 ? "meets" : "misses"
            },
            new String[] {
              "in-JVM load generator asked for 20,000 req/s (" + server + " server)",
              String.format(
                  Locale.ROOT,
                  "%,.0f req/s, %.2f %% short (p99 %.2f ms from the schedule, %.2f ms service)",
                  RATE * median(held),
                  100 * shortfall,
                  median(p99),
                  median(rawP99)),
              "—",
              "—",
              "< 1 % shortfall",
              shortfall < 0.01 ? "meets" : "misses"
            });
    System.out.printf("%nmedians of %d runs of %d s%n", runs, seconds.toSeconds());
    System.out.printf(
        "%-75s | %-70s | %-26s | %-11s | %-15s | %s%n",
        "figure", "ours", "peer", "ratio", "goal", "verdict");
    for (var figure : figures) {
      System.out.printf("%-75s | %-70s | %-26s | %-11s | %-15s | %s%n", (Object[]) figure);
    }
    var out = System.getenv("CNCFDEMO_BENCH_OUT");
    if (out != null && !out.isBlank()) {
      var lines = new StringBuilder();
      for (var figure : figures) {
        lines.append(String.join("\t", figure)).append('\n');
      }
      Files.writeString(
          Path.of(out),
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }

  private static HttpFigures closedLoop(String url, Duration duration) {
    return LoadSources.constantRate(url)
        .run(HttpLoad.of(duration).connections(CONNECTIONS).threads(THREADS), new Quiet());
  }

  private static HttpFigures constantRate(String url, Duration duration) {
    return LoadSources.constantRate(url)
        .run(
            HttpLoad.of(duration).connections(CONNECTIONS).threads(THREADS).rate(RATE),
            new Quiet());
  }

  /** Plain wrk, as the issue measured it: {@code wrk -t2 -c64 -dS URL}, its Requests/sec. */
  private static double wrk(String url, Duration duration)
      throws IOException, InterruptedException {
    var process =
        new ProcessBuilder(
                "wrk", "-t" + THREADS, "-c" + CONNECTIONS, "-d" + duration.toSeconds() + "s", url)
            .redirectErrorStream(true)
            .start();
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException(
          "wrk failed (scripts/install-benchmark-tools installs it):\n" + output);
    }
    var matcher = WRK_RATE.matcher(output);
    if (!matcher.find()) {
      throw new IllegalStateException("wrk printed no Requests/sec:\n" + output);
    }
    return Double.parseDouble(matcher.group(1));
  }

  private static double median(List<Double> values) {
    var sorted = values.stream().sorted().toList();
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  private static String option(List<String> args, String name, String otherwise) {
    int at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.get(at + 1) : otherwise;
  }

  /** A load context that reports nowhere. */
  private static final class Quiet implements LoadContext {
    @Override
    public String runId() {
      return "load-generator-benchmark";
    }

    @Override
    public Optional<ResultStore> resultStore() {
      return Optional.empty();
    }

    @Override
    public void loadStarted() {}

    @Override
    public void progress(OptionalDouble requestsPerSecond, long errors) {}
  }

  /** The HTTP server under the load. */
  private interface Target extends AutoCloseable {
    String url();

    String describe();

    @Override
    void close();

    static Target start(String server) throws IOException {
      if (server.equals("jdk")) {
        var loopback = LoopbackTarget.start();
        return new Target() {
          @Override
          public String url() {
            return loopback.url().toString();
          }

          @Override
          public String describe() {
            return "the JDK's HTTP server (LoopbackTarget)";
          }

          @Override
          public void close() {
            loopback.close();
          }
        };
      }
      if (!server.equals("go")) {
        throw new IllegalArgumentException("--server must be go or jdk, was " + server);
      }
      return GoTarget.start();
    }
  }

  /** scripts/http-target: a Go net/http server answering every request with a short JSON body. */
  private static final class GoTarget implements Target {
    private final Process process;
    private final String url;

    private GoTarget(Process process, String url) {
      this.process = process;
      this.url = url;
    }

    static GoTarget start() throws IOException {
      var script = script();
      var build =
          new ProcessBuilder(script.toString())
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      var binary = new String(build.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      try {
        if (build.waitFor() != 0 || binary.isEmpty()) {
          throw new IllegalStateException(script + " failed");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted building the server", e);
      }
      var process =
          new ProcessBuilder(binary, "-port", "0")
              .redirectError(ProcessBuilder.Redirect.INHERIT)
              .start();
      var reader =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      var line = reader.readLine();
      if (line == null || !line.startsWith("listening on ")) {
        process.destroyForcibly();
        throw new IllegalStateException("the server did not start: " + line);
      }
      return new GoTarget(process, line.substring("listening on ".length()).trim());
    }

    private static Path script() {
      for (var dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
        var script = dir.resolve("scripts/http-target.sh");
        if (Files.isExecutable(script)) {
          return script;
        }
      }
      throw new UncheckedIOException(
          new IOException(
              "scripts/http-target.sh not found above " + Path.of("").toAbsolutePath()));
    }

    @Override
    public String url() {
      return url;
    }

    @Override
    public String describe() {
      return "Go net/http (scripts/http-target)";
    }

    @Override
    public void close() {
      process.destroy();
      try {
        process.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
