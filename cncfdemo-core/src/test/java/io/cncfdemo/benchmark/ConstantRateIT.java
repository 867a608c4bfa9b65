package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The in-process constant-rate generator against a {@link LoopbackTarget} on 127.0.0.1. */
class ConstantRateIT {

  /** Collects the progress a load source reports. */
  static final class RecordingContext implements LoadContext {
    final List<Double> rates = new CopyOnWriteArrayList<>();

    @Override
    public String runId() {
      return "test";
    }

    @Override
    public Optional<ResultStore> resultStore() {
      return Optional.empty();
    }

    @Override
    public void loadStarted() {}

    @Override
    public void progress(OptionalDouble requestsPerSecond, long errors) {
      requestsPerSecond.ifPresent(rates::add);
    }
  }

  @Test
  void holdsTheRate_andReportsProgressEverySecond() {
    try (var target = LoopbackTarget.start()) {
      var context = new RecordingContext();

      var figures =
          LoadSources.constantRate(target.url().toString())
              .run(HttpLoad.of(Duration.ofSeconds(3)).connections(4).threads(1).rate(200), context);

      assertThat(figures.requestsPerSecond()).isBetween(170.0, 215.0);
      assertThat(figures.requests()).isEqualTo(target.requests());
      assertThat(figures.errors().total()).isZero();
      assertThat(figures.timeline())
          .hasSizeBetween(3, 4)
          .allSatisfy(sample -> assertThat(sample.p99Ms()).isPresent());
      assertThat(context.rates).hasSizeBetween(3, 4);
      assertThat(figures.targetRate()).hasValue(200);
      assertThat(figures.collectedVia()).isEqualTo("in process");
    }
  }

  @Test
  void aStall_showsInTheCorrectedP99_whileTheServiceTimesHideIt() throws Exception {
    var scheduler = Executors.newSingleThreadScheduledExecutor();
    try (var target = LoopbackTarget.start()) {
      scheduler.schedule(() -> target.stallFor(Duration.ofSeconds(1)), 2, TimeUnit.SECONDS);

      var figures =
          LoadSources.constantRate(target.url().toString())
              .run(
                  HttpLoad.of(Duration.ofSeconds(6)).connections(4).threads(1).rate(200),
                  new RecordingContext());

      // ~200 requests were due during the 1 s stall, of ~1200, each waiting from its slot to the
      // stall's end: the top 1 % waited nearly the whole stall
      assertThat(figures.latency().p99Ms()).isBetween(800.0, 1500.0);
      assertThat(figures.latency().maxMs()).isGreaterThan(900);
      // only the 4 requests in flight saw the stall: service times put it beyond p99
      var uncorrected = figures.uncorrectedLatency().orElseThrow();
      assertThat(uncorrected.p99Ms()).isLessThan(figures.latency().p99Ms() / 10);
      assertThat(uncorrected.maxMs()).isGreaterThan(900);
      assertThat(figures.method()).contains("scheduled send time");
    } finally {
      scheduler.shutdownNow();
    }
  }

  @Test
  void failures_areCountedByKind() {
    try (var target = LoopbackTarget.start()) {
      target.failFor(Duration.ofSeconds(30));
      var figures =
          LoadSources.constantRate(target.url().toString())
              .run(
                  HttpLoad.of(Duration.ofSeconds(1)).connections(2).threads(1).rate(50),
                  new RecordingContext());
      assertThat(figures.errors().status()).isEqualTo(figures.requests()).isPositive();
    }
    var closed = LoopbackTarget.start();
    var url = closed.url().toString();
    closed.close();
    var figures =
        LoadSources.constantRate(url)
            .run(
                HttpLoad.of(Duration.ofSeconds(1)).threads(1).connections(1).rate(20),
                new RecordingContext());
    assertThat(figures.errors().connect()).isPositive();
  }

  @Test
  void withoutARate_itIsAClosedLoop_uncorrected() {
    try (var target = LoopbackTarget.start()) {
      var figures =
          LoadSources.constantRate(target.url().toString())
              .run(
                  HttpLoad.of(Duration.ofSeconds(1)).connections(2).threads(1),
                  new RecordingContext());
      assertThat(figures.requests()).isGreaterThan(100);
      assertThat(figures.uncorrectedLatency()).isEmpty();
      assertThat(figures.method()).startsWith("closed loop");
    }
  }

  @Test
  void tooManyConnections_orABadUrl_areRejected() {
    assertThatThrownBy(
            () ->
                LoadSources.constantRate("https://127.0.0.1:1/")
                    .run(HttpLoad.defaults().connections(2000), new RecordingContext()))
        .hasMessage(
            "connections must be at most 1024 for the in-process generator over https, one thread"
                + " each, was 2000");
    assertThatThrownBy(() -> LoadSources.constantRate("ftp://x"))
        .hasMessage(
            "url must be an http:// or https:// URL such as http://127.0.0.1:8080/, was"
                + " \"ftp://x\"");
  }
}
