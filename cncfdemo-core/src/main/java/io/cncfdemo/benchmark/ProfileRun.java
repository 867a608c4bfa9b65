package io.cncfdemo.benchmark;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.benchmark.SafeListener;
import io.cncfdemo.internal.benchmark.timeline.TimelineRecorder;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Durations;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP part of a run with a {@link LoadProfile}: the profile offered (simulated, or by the HTTP
 * load source step by step) while a {@link TimelineRecorder} samples the demo, then the timeline
 * with the chaos and, for real load, the served requests per second.
 */
final class ProfileRun {
  /** How long to wait for the metrics API to report the loaded Deployment's pods. */
  static final Duration METRICS_TIMEOUT = Duration.ofSeconds(90);

  /** How long the metrics API usually takes to report new pods: two scrapes and a bit. */
  static final Duration METRICS_EXPECTED = Duration.ofSeconds(30);

  private ProfileRun() {}

  /** What the run measured. */
  record Result(Optional<HttpFigures> http, List<ChaosEvent> chaos, Timeline timeline) {}

  /** Checks what a profile needs: a deployed demo, and the profile's duration as the load's. */
  static void validate(Benchmark benchmark, LoadProfile profile) {
    if (benchmark.demo().isEmpty()) {
      throw new InvalidInputException(
          "loadProfile", profile.toString(), "given with a deployed demo: Benchmark.of(demo)");
    }
    if (!benchmark.httpLoad().duration().equals(profile.duration())) {
      throw new InvalidInputException(
          "duration",
          io.cncfdemo.support.Durations.format(benchmark.httpLoad().duration()),
          "the load profile's, "
              + io.cncfdemo.support.Durations.format(profile.duration())
              + ": set the profile last, or leave the duration out");
    }
    var simulated = benchmark.demo().get().cluster().simulatedLoad().isPresent();
    if (!simulated && benchmark.load().isEmpty()) {
      throw new InvalidInputException(
          "load",
          "none",
          "an HTTP load source to run the load profile on a cluster that does not simulate load");
    }
  }

  /**
   * Runs the profile: waits for the metrics API, then offers the load in a phase from {@code
   * phases}, made only then, so that its times count from the load.
   */
  static Result run(
      Benchmark benchmark,
      LoadProfile profile,
      Supplier<HttpPhase> phases,
      SafeListener listener,
      Consumer<String> notes) {
    var demo = benchmark.demo().orElseThrow();
    var cluster = demo.cluster();
    var recorder =
        new TimelineRecorder(
                cluster.client(),
                demo.namespace(),
                profile.deployment(),
                benchmark.sampleInterval(),
                seconds ->
                    profile.requestsPerSecondAt(Duration.ofMillis(Math.round(seconds * 1000))))
            .onSample(listener::sampled);
    awaitMetrics(recorder, profile.deployment(), listener, notes);
    var phase = phases.get();
    recorder.start();
    HttpPhase.Result result;
    String label;
    var simulated = cluster.simulatedLoad();
    if (simulated.isPresent()) {
      label = Timeline.SIMULATED_LOAD;
      result = phase.runSimulated(new SimulatedProfile(simulated.get(), demo.namespace(), profile));
    } else {
      var source = new ProfiledLoad(benchmark.load().orElseThrow(), profile);
      label = source.describe();
      result = phase.run(source);
    }
    var timeline = recorder.stop(label, profile.loadEnd().toMillis() / 1000.0, result.chaos());
    return new Result(
        result.figures(),
        result.chaos(),
        result.figures().map(http -> served(timeline, http)).orElse(timeline));
  }

  /**
   * Waits up to {@link #METRICS_TIMEOUT} for the metrics API to report the Deployment's pods, so
   * that its HPA can act on the load from the start; notes it when it does not.
   */
  private static void awaitMetrics(
      TimelineRecorder recorder, String deployment, SafeListener listener, Consumer<String> notes) {
    long start = System.nanoTime();
    listener.phaseStarted(BenchmarkPhase.METRICS_WARM_UP, METRICS_EXPECTED);
    try {
      Poll.with(Backoff.fixed(Duration.ofSeconds(1)).deadline(METRICS_TIMEOUT))
          .until(
              "the resource metrics API to report the CPU of " + deployment + "'s pods",
              () -> {
                var elapsed = Duration.ofNanos(System.nanoTime() - start);
                listener.progress(
                    new BenchmarkProgress(
                        BenchmarkPhase.METRICS_WARM_UP,
                        elapsed,
                        METRICS_EXPECTED.minus(elapsed).isNegative()
                            ? Duration.ZERO
                            : METRICS_EXPECTED.minus(elapsed),
                        OptionalDouble.empty(),
                        0));
                return recorder.metricsReported();
              });
    } catch (WaitTimeoutException e) {
      notes.accept(
          "the resource metrics API did not report the CPU of "
              + deployment
              + "'s pods within "
              + Durations.format(METRICS_TIMEOUT)
              + ": its HPA cannot scale it, and the timeline has no CPU");
    } finally {
      listener.phaseDone(
          BenchmarkPhase.METRICS_WARM_UP, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  /** The timeline with the served requests per second of the interval each sample falls in. */
  static Timeline served(Timeline timeline, HttpFigures http) {
    var intervals = http.timeline();
    var samples = new ArrayList<TimelineSample>();
    for (var sample : timeline.samples()) {
      double served = 0;
      for (int i = 0; i < intervals.size(); i++) {
        var interval = intervals.get(i);
        double end =
            i + 1 < intervals.size()
                ? intervals.get(i + 1).startSeconds()
                : interval.startSeconds() + 1;
        if (sample.atSeconds() >= interval.startSeconds() && sample.atSeconds() < end) {
          served = Math.max(0, interval.requestsPerSecond() - interval.errorsPerSecond());
          break;
        }
      }
      samples.add(sample.served(served));
    }
    return new Timeline(
        timeline.load(),
        timeline.deployment(),
        timeline.intervalSeconds(),
        timeline.cpuTargetPercent(),
        timeline.loadEndSeconds(),
        samples,
        timeline.events(),
        timeline.recoverySeconds());
  }
}
