package io.cncfdemo.benchmark;

import static io.cncfdemo.benchmark.LoadProfile.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** A load profile on a real HTTP target: the source runs each step at its rate, nothing idle. */
class ProfiledLoadTest {

  @Test
  void eachStep_runsAtItsRate_andTheFiguresAddUp_onOneTimeAxis() {
    var profile =
        LoadProfile.steps(
            step(Duration.ofSeconds(1), 0),
            step(Duration.ofSeconds(2), 50),
            step(Duration.ofSeconds(2), 100));
    var started = new ArrayList<String>();
    var context =
        new LoadContext() {
          @Override
          public String runId() {
            return "profiled";
          }

          @Override
          public Optional<ResultStore> resultStore() {
            return Optional.empty();
          }

          @Override
          public void loadStarted() {
            started.add("started");
          }

          @Override
          public void progress(OptionalDouble requestsPerSecond, long errors) {}
        };
    HttpFigures figures;
    try (var target = LoopbackTarget.start()) {
      var source = new ProfiledLoad(LoadSources.constantRate(target.url().toString()), profile);
      figures = source.run(HttpLoad.of(profile.duration()).connections(4).threads(1), context);
    }

    assertThat(started)
        .as("loadStarted at the start of the profile, and by each step")
        .isNotEmpty();
    assertThat(figures.requests()).as("2 s × 50 + 2 s × 100").isBetween(250L, 330L);
    assertThat(figures.errors().total()).isZero();
    assertThat(figures.durationSeconds()).isBetween(4.9, 7.0);
    assertThat(figures.targetRate()).hasValue(100);
    assertThat(figures.source()).contains("step by step: 1s at 0 requests/s, 2s at 50");
    assertThat(figures.timeline()).isNotEmpty();
    assertThat(figures.timeline().get(0).startSeconds())
        .as("the first step with load starts after the idle second")
        .isGreaterThanOrEqualTo(0.9);
  }

  @Test
  void theServedSeries_comesFromTheIntervalEachSampleFallsIn() {
    var timeline = TimelineReportTest.timeline("constant rate", false);
    var http =
        new HttpFigures(
            "constant rate",
            "constant rate",
            "in process",
            10,
            1000,
            100,
            0,
            ErrorCounts.NONE,
            new Latency(1, 2, 3, 4, 5, 1),
            Optional.empty(),
            java.util.OptionalInt.empty(),
            4,
            1,
            List.of(
                IntervalSample.throughput(2, 300, 10),
                IntervalSample.throughput(3, 390, 0),
                IntervalSample.throughput(4, 395, 5)));

    var served = ProfileRun.served(timeline, http);

    assertThat(served.samples())
        .extracting(s -> s.servedRequestsPerSecond().orElse(-1))
        .containsExactly(0.0, 290.0, 390.0, 0.0, 0.0, 0.0);
  }
}
