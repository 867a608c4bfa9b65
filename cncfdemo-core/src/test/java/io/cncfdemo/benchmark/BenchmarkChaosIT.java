package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.support.PrometheusText;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The engine with the in-process generator against a {@link LoopbackTarget}: chaos, progress,
 * result store, cost. An integration test: its figures are rates and seconds measured on this
 * machine, which a loaded machine bends.
 */
class BenchmarkChaosIT {

  /**
   * A result store in memory that keeps what it is given as Prometheus text, as a Pushgateway
   * would.
   */
  static final class TextStore implements ResultStore {
    final Map<String, String> pushed = new ConcurrentHashMap<>();

    @Override
    public String describe() {
      return "memory";
    }

    @Override
    public void publish(String runId, HttpFigures figures) {
      pushed.put(runId, PrometheusText.render(HttpMetrics.samples(figures)));
    }

    @Override
    public Optional<HttpFigures> collect(String runId, Duration timeout) {
      return Optional.ofNullable(pushed.get(runId))
          .flatMap(text -> HttpMetrics.figures(PrometheusText.parse(text), "memory"));
    }
  }

  /** Records what a benchmark tells its listener. */
  static final class Recording implements BenchmarkListener {
    final List<String> events = new CopyOnWriteArrayList<>();
    final List<BenchmarkProgress> progress = new CopyOnWriteArrayList<>();

    @Override
    public void phaseStarted(BenchmarkPhase phase, Duration expected) {
      events.add("started " + phase.label());
    }

    @Override
    public void progress(BenchmarkProgress update) {
      progress.add(update);
    }

    @Override
    public void chaosStruck(String action, String target, Duration at) {
      events.add("chaos " + action);
    }

    @Override
    public void phaseDone(BenchmarkPhase phase, Duration elapsed) {
      events.add("done " + phase.label());
    }

    @Override
    public void done(BenchmarkReport report) {
      events.add("report");
    }
  }

  @Test
  void aFailingTarget_showsAsAnErrorSpike_andTheTimeUntilThroughputRecovers() {
    try (var target = LoopbackTarget.start()) {
      var listener = new Recording();
      var store = new TextStore();

      var report =
          Benchmark.of(LoadSources.constantRate(target.url().toString()))
              .duration(Duration.ofSeconds(8))
              .connections(4)
              .threads(1)
              .rate(200)
              .chaos(
                  Chaos.of(
                          "the target answers 503 for 3 s",
                          () -> target.failFor(Duration.ofSeconds(3)))
                      .at(Duration.ofSeconds(3)))
              .resultStore(store)
              .listener(listener)
              .named("loopback")
              .plan(
                  new ProvisioningPlan(
                      "local",
                      "this machine",
                      "loopback",
                      List.of(
                          new PlannedResource(
                              "machine", "laptop", "2 cores", new BigDecimal("0.36"))),
                      "a test price"))
              .run();

      var http = report.http().orElseThrow();
      assertThat(http.collectedVia()).isEqualTo("memory");
      assertThat(store.pushed).hasSize(1);
      var chaos = report.chaos();
      assertThat(chaos)
          .singleElement()
          .satisfies(
              event -> {
                assertThat(event.action()).isEqualTo("the target answers 503 for 3 s");
                assertThat(event.atSeconds()).isCloseTo(3, within(0.3));
                assertThat(event.baselineRequestsPerSecond().orElseThrow()).isBetween(150.0, 230.0);
                assertThat(event.errorsAfter()).isBetween(450L, 750L);
                assertThat(event.peakErrorsPerSecond()).isGreaterThan(150);
                assertThat(event.throughputRecoverySeconds().orElseThrow()).isBetween(2.5, 4.5);
                assertThat(event.replacementReadySeconds()).isEmpty();
              });
      assertThat(http.errors().status()).isCloseTo(chaos.get(0).errorsAfter(), within(3L));
      assertThat(listener.events)
          .containsExactly(
              "started http",
              "chaos the target answers 503 for 3 s",
              "done http",
              "started collect",
              "done collect",
              "report");
      assertThat(listener.progress)
          .hasSizeBetween(7, 9)
          .allMatch(p -> p.phase() == BenchmarkPhase.HTTP)
          .anySatisfy(p -> assertThat(p.requestsPerSecond().orElseThrow()).isBetween(150.0, 230.0));
      assertThat(listener.progress.get(listener.progress.size() - 1).left())
          .isLessThan(Duration.ofSeconds(2));
      var cost = report.cost().orElseThrow();
      assertThat(cost.hourlyUsd()).isEqualByComparingTo("0.36");
      assertThat(cost.runUsd().doubleValue())
          .isCloseTo(0.36 * http.durationSeconds() / 3600, within(1e-6));
      assertThat(cost.usdPerMillionRequests().orElseThrow().doubleValue())
          .isCloseTo(cost.runUsd().doubleValue() / http.requests() * 1e6, within(1e-6));
      assertThat(report.metadata().provider()).isEqualTo("url");
      assertThat(report.metadata().name()).isEqualTo("loopback");
      assertThat(BenchmarkReport.fromJson(report.toJson())).isEqualTo(report);
    }
  }
}
