package io.cncfdemo.event;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.IntervalSample;
import io.cncfdemo.benchmark.TimelineSample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Publishes what a benchmark listener hears: phases, a throughput and an error sample a second
 * while the HTTP load runs, under a load profile the offered load, replicas and BOINC's pods,
 * chaos, notes, and at the end the latency of each interval, the preemption and the totals.
 */
final class BenchmarkEvents implements BenchmarkListener {
  static final String THROUGHPUT = "throughput";
  static final String LATENCY = "latency";
  static final String REPLICAS = "replicas";
  static final String BOINC = "boinc";

  private final EventStream stream;
  private long lastErrors;
  private double lastSeconds;

  BenchmarkEvents(EventStream stream) {
    this.stream = stream;
  }

  /** The points of one interval of the HTTP load, for the throughput and latency charts. */
  static List<Payload.Sample> samples(IntervalSample interval) {
    var samples = new ArrayList<Payload.Sample>();
    samples.add(
        new Payload.Sample(
            THROUGHPUT, "requests/s", interval.startSeconds(), interval.requestsPerSecond()));
    samples.add(
        new Payload.Sample(
            THROUGHPUT, "errors/s", interval.startSeconds(), interval.errorsPerSecond()));
    interval
        .p50Ms()
        .ifPresent(
            p50 ->
                samples.add(new Payload.Sample(LATENCY, "p50 ms", interval.startSeconds(), p50)));
    interval
        .p99Ms()
        .ifPresent(
            p99 ->
                samples.add(new Payload.Sample(LATENCY, "p99 ms", interval.startSeconds(), p99)));
    return samples;
  }

  @Override
  public void phaseStarted(BenchmarkPhase phase, Duration expected) {
    lastErrors = 0;
    lastSeconds = 0;
    stream.publish(new Payload.PhaseStarted(phase.label(), DeployEvents.seconds(expected)));
  }

  @Override
  public void progress(BenchmarkProgress progress) {
    if (progress.phase() != BenchmarkPhase.HTTP || progress.requestsPerSecond().isEmpty()) {
      return;
    }
    double seconds = DeployEvents.seconds(progress.elapsed());
    double errorsPerSecond =
        seconds > lastSeconds ? (progress.errors() - lastErrors) / (seconds - lastSeconds) : 0;
    lastErrors = progress.errors();
    lastSeconds = seconds;
    stream.publish(
        new Payload.Sample(
            THROUGHPUT, "requests/s", seconds, progress.requestsPerSecond().getAsDouble()));
    stream.publish(new Payload.Sample(THROUGHPUT, "errors/s", seconds, errorsPerSecond));
  }

  /**
   * A look at the demo under a load profile: the offered load beside the measured throughput, the
   * replicas desired and ready, BOINC's running pods.
   */
  @Override
  public void sampled(TimelineSample sample) {
    double at = sample.atSeconds();
    stream.publish(
        new Payload.Sample(THROUGHPUT, "offered/s", at, sample.offeredRequestsPerSecond()));
    stream.publish(new Payload.Sample(REPLICAS, "desired", at, sample.desiredReplicas()));
    stream.publish(new Payload.Sample(REPLICAS, "ready", at, sample.readyReplicas()));
    stream.publish(new Payload.Sample(BOINC, "running", at, sample.backgroundPodsRunning()));
  }

  @Override
  public void chaosStruck(String action, String target, Duration at) {
    stream.publish(new Payload.ChaosStruck(action, target, DeployEvents.seconds(at)));
  }

  @Override
  public void phaseDone(BenchmarkPhase phase, Duration elapsed) {
    stream.publish(new Payload.PhaseDone(phase.label(), DeployEvents.seconds(elapsed)));
  }

  @Override
  public void note(String note) {
    stream.publish(new Payload.Note(note));
  }

  @Override
  public void done(BenchmarkReport report) {
    report
        .http()
        .ifPresent(
            http ->
                http.timeline().stream()
                    .flatMap(interval -> samples(interval).stream())
                    .filter(sample -> sample.chart().equals(LATENCY))
                    .forEach(stream::publish));
    report
        .controlPlane()
        .flatMap(figures -> figures.preemption())
        .ifPresent(
            preemption ->
                stream.publish(
                    new Payload.Preempted(
                        preemption.createdToRunningSeconds(), preemption.victims())));
    var http = report.http();
    stream.publish(
        new Payload.BenchmarkDone(
            report.metadata().name(),
            http.map(figures -> figures.requestsPerSecond()).orElse(null),
            http.map(figures -> figures.latency().p99Ms()).orElse(null)));
  }
}
