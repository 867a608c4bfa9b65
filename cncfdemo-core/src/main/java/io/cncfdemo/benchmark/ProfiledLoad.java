package io.cncfdemo.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * A {@link LoadProfile} run by a real HTTP load source: one run of the source per step at the
 * step's rate (a ramp cut into steps of {@value #RESOLUTION_SECONDS} s), nothing sent while idle.
 * The figures add up over the steps; the latency percentiles are those of the busiest step, the
 * timeline is the steps' on one time axis.
 */
final class ProfiledLoad implements LoadSource {
  static final long RESOLUTION_SECONDS = 5;

  private final LoadSource source;
  private final LoadProfile profile;

  ProfiledLoad(LoadSource source, LoadProfile profile) {
    this.source = source;
    this.profile = profile;
  }

  @Override
  public String describe() {
    return source.describe() + ", step by step: " + profile;
  }

  @Override
  public boolean publishesItself() {
    return false;
  }

  @Override
  public HttpFigures run(HttpLoad load, LoadContext context) {
    context.loadStarted();
    long start = System.nanoTime();
    long due = start;
    var steps = new ArrayList<HttpFigures>();
    var timeline = new ArrayList<IntervalSample>();
    for (var step : profile.asSteps(Duration.ofSeconds(RESOLUTION_SECONDS))) {
      due += step.duration().toNanos();
      int rate = (int) Math.round(step.fromRequestsPerSecond());
      if (rate == 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(Math.max(0, due - System.nanoTime()));
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
        continue;
      }
      double offset = (System.nanoTime() - start) / 1e9;
      var figures = source.run(load.duration(step.duration()).rate(rate), context);
      steps.add(figures);
      for (var sample : figures.timeline()) {
        timeline.add(
            new IntervalSample(
                offset + sample.startSeconds(),
                sample.requestsPerSecond(),
                sample.errorsPerSecond(),
                sample.p50Ms(),
                sample.p99Ms()));
      }
      if (Thread.currentThread().isInterrupted()) {
        break;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return merge(steps, timeline, seconds, load);
  }

  private HttpFigures merge(
      List<HttpFigures> steps, List<IntervalSample> timeline, double seconds, HttpLoad load) {
    if (steps.isEmpty()) {
      throw new io.cncfdemo.exception.CncfDemoException(
          "the load profile was stopped before its first step with load");
    }
    long requests = steps.stream().mapToLong(HttpFigures::requests).sum();
    var busiest = steps.stream().max(Comparator.comparingLong(HttpFigures::requests)).orElseThrow();
    return new HttpFigures(
        describe(),
        busiest.method() + "; percentiles of the busiest step",
        busiest.collectedVia(),
        seconds,
        requests,
        seconds > 0 ? requests / seconds : 0,
        steps.stream().mapToLong(HttpFigures::bytes).sum(),
        new ErrorCounts(
            steps.stream().mapToLong(f -> f.errors().connect()).sum(),
            steps.stream().mapToLong(f -> f.errors().read()).sum(),
            steps.stream().mapToLong(f -> f.errors().write()).sum(),
            steps.stream().mapToLong(f -> f.errors().status()).sum(),
            steps.stream().mapToLong(f -> f.errors().timeout()).sum()),
        busiest.latency(),
        busiest.uncorrectedLatency(),
        OptionalInt.of((int) Math.round(profile.peakRequestsPerSecond())),
        load.connections(),
        load.threads(),
        timeline);
  }
}
