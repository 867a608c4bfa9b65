package io.cncfdemo.examples.benchmark;

import io.cncfdemo.apps.wrk.LocalWrk;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.Comparison;
import io.cncfdemo.benchmark.LoadSources;
import io.cncfdemo.benchmark.LoopbackTarget;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;

/**
 * The benchmark and its report without a cluster: a {@link LoopbackTarget} on 127.0.0.1 that stalls
 * for a second a third of the way in, loaded by the in-process constant-rate generator and, when
 * wrk is installed, by wrk; a report per run and a comparison of both, in {@code DIR}. {@code java
 * -cp … io.cncfdemo.examples.benchmark.LoopbackBenchmark [seconds] [DIR]}
 */
public final class LoopbackBenchmark {
  private LoopbackBenchmark() {}

  public static void main(String[] args) {
    var duration = Duration.ofSeconds(args.length > 0 ? Long.parseLong(args[0]) : 15);
    var directory = Path.of(args.length > 1 ? args[1] : "target/benchmark-example");
    var reports = new ArrayList<BenchmarkReport>();
    try (var target = LoopbackTarget.start()) {
      var stall =
          Chaos.of("the target stalls for 1 s", () -> target.stallFor(Duration.ofSeconds(1)));
      // tag::loopback[]
      var constantRate =
          Benchmark.of(LoadSources.constantRate(target.url().toString()))
              .duration(duration)
              .connections(8)
              .threads(1)
              .rate(500)
              .chaos(stall)
              .listener(new ProgressPrinter(System.out))
              .named("constant rate")
              .run();
      constantRate.saveHtml(directory.resolve("constant-rate.html"));
      // end::loopback[]
      reports.add(constantRate);
      try {
        reports.add(
            Benchmark.of(LocalWrk.against(target.url().toString()))
                .duration(duration)
                .connections(8)
                .threads(2)
                .chaos(stall)
                .listener(new ProgressPrinter(System.out))
                .named("wrk")
                .run());
      } catch (RuntimeException e) {
        System.out.println("no wrk run: " + e.getMessage());
      }
    }
    for (var report : reports) {
      var name = report.metadata().name().replace(' ', '-');
      report.saveJson(directory.resolve(name + ".json"));
      var http = report.http().orElseThrow();
      System.out.printf(
          "%-14s %8.0f requests/s  p50 %7.2f ms  p99 %8.2f ms  max %8.2f ms%n",
          report.metadata().name(),
          http.requestsPerSecond(),
          http.latency().p50Ms(),
          http.latency().p99Ms(),
          http.latency().maxMs());
    }
    System.out.println(
        "comparison: "
            + Comparison.of(reports)
                .saveHtml(directory.resolve("comparison.html"))
                .toAbsolutePath());
  }
}
