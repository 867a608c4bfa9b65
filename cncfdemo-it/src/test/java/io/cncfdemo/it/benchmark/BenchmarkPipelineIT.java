package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncfdemo.apps.wrk.CountlyKeys;
import io.cncfdemo.apps.wrk.LocalWrk;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.Comparison;
import io.cncfdemo.benchmark.LoadSources;
import io.cncfdemo.benchmark.LoopbackTarget;
import io.cncfdemo.benchmark.ResultStore;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The benchmark pipeline end to end with real parts on 127.0.0.1: wrk (Debian) and the in-process
 * constant-rate generator load a {@link LoopbackTarget}; the results are pushed to a real
 * Pushgateway and read back through a real Prometheus (Debian), then turned into reports under
 * {@code target/benchmark}.
 */
class BenchmarkPipelineIT {
  static final Path OUT = Path.of("target/benchmark");
  private static MonitoringProcesses monitoring;
  private static ResultStore store;

  @BeforeAll
  static void startMonitoring() throws Exception {
    BenchmarkTools.require("wrk");
    monitoring = MonitoringProcesses.start();
    store = ResultStore.pushgateway(monitoring.pushgateway(), monitoring.prometheus());
  }

  @AfterAll
  static void stopMonitoring() throws Exception {
    if (monitoring != null) {
      monitoring.close();
    }
  }

  @Test
  void wrkResults_travelThroughPushgatewayAndPrometheus_intoTheReport() throws Exception {
    try (var target = LoopbackTarget.start()) {
      var wrk =
          LocalWrk.against(target.url().toString())
              .countlyKeys(new CountlyKeys("appkey", "apikey", "app1"))
              .readPercent(20);

      var report =
          Benchmark.of(wrk)
              .duration(Duration.ofSeconds(4))
              .connections(4)
              .threads(2)
              .resultStore(store)
              .named("wrk on 127.0.0.1")
              .run();

      var http = report.http().orElseThrow();
      assertThat(http.collectedVia()).isEqualTo("prometheus");
      assertThat(http.source()).isEqualTo("wrk on this machine against " + target.url());
      assertThat(http.requests()).isPositive().isBetween(target.requests() - 4, target.requests());
      assertThat(http.errors().total()).isZero();
      assertThat(http.connections()).isEqualTo(4);
      assertThat(http.threads()).isEqualTo(2);
      assertThat(http.latency().p50Ms()).isPositive().isLessThanOrEqualTo(http.latency().p99Ms());
      assertThat(http.latency().p99Ms()).isLessThanOrEqualTo(http.latency().maxMs());
      assertThat(http.timeline()).hasSizeBetween(4, 6);
      assertThat(http.timeline().stream().mapToDouble(s -> s.requestsPerSecond()).sum())
          .isCloseTo(http.requests(), within(1.0));
      // the script's request mix: Countly's write API and, a fifth of the time, its read API
      double reads = target.requests("o");
      double writes = target.requests("i");
      assertThat(reads / (reads + writes)).isCloseTo(0.2, within(0.02));
      // what Prometheus answered is what the Pushgateway holds
      assertThat(monitoring.pushgatewayMetrics())
          .contains(
              "wrk_requests_total{instance=\""
                  + report.metadata().runId()
                  + "\",job=\"wrk\"} "
                  + http.requests());
      report.saveJson(OUT.resolve("wrk-local.json"));
      report.saveHtml(OUT.resolve("wrk-local.html"));
      assertThat(BenchmarkReport.read(OUT.resolve("wrk-local.json"))).isEqualTo(report);
    }
  }

  /**
   * Coordinated omission: during a 1 s stall only the 4 requests in flight wait, so service times
   * alone put the stall beyond p99. The constant-rate generator corrects against its schedule
   * (HdrHistogram's expected interval); wrk 4 corrects after the run against the mean interval per
   * connection. Both p99s show the stall.
   */
  @Test
  void aStall_isHiddenByServiceTimes_butNotByCorrectedPercentiles() {
    try (var target = LoopbackTarget.start()) {
      var stall =
          Chaos.of("the target stalls for 1 s", () -> target.stallFor(Duration.ofSeconds(1)))
              .at(Duration.ofSeconds(2));

      var closedLoop =
          Benchmark.of(LocalWrk.against(target.url().toString()))
              .duration(Duration.ofSeconds(6))
              .connections(4)
              .threads(2)
              .chaos(stall)
              .resultStore(store)
              .named("wrk 4, closed loop")
              .run();
      var constantRate =
          Benchmark.of(LoadSources.constantRate(target.url().toString()))
              .duration(Duration.ofSeconds(6))
              .connections(4)
              .threads(1)
              .rate(400)
              .chaos(stall)
              .resultStore(store)
              .named("constant rate, corrected")
              .run();

      var wrk = closedLoop.http().orElseThrow();
      var corrected = constantRate.http().orElseThrow();
      assertThat(wrk.collectedVia()).isEqualTo("prometheus");
      assertThat(corrected.collectedVia()).isEqualTo("prometheus");
      var serviceTimes = corrected.uncorrectedLatency().orElseThrow();
      assertThat(serviceTimes.maxMs()).isGreaterThan(900);
      // the stall hides in the service times: their p99 stays a small fraction of the corrected one
      // (a twentieth leaves
      // room for a loaded machine; unloaded it is about a hundredth)
      assertThat(serviceTimes.p99Ms()).isLessThan(corrected.latency().p99Ms() / 20);
      assertThat(corrected.latency().p99Ms()).isGreaterThan(500);
      assertThat(wrk.latency().p99Ms()).isGreaterThan(500);
      assertThat(wrk.method()).contains("corrected by wrk after the run");
      assertThat(constantRate.chaos())
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.atSeconds()).isCloseTo(2, within(0.3));
                assertThat(event.throughputRecoverySeconds()).isPresent();
              });
      closedLoop.saveJson(OUT.resolve("stall-wrk.json"));
      constantRate.saveJson(OUT.resolve("stall-constant-rate.json"));
      Comparison.of(closedLoop, constantRate).saveHtml(OUT.resolve("coordinated-omission.html"));
    }
  }
}
