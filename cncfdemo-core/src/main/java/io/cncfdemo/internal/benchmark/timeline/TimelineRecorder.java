package io.cncfdemo.internal.benchmark.timeline;

import io.cncfdemo.benchmark.ChaosEvent;
import io.cncfdemo.benchmark.Timeline;
import io.cncfdemo.benchmark.TimelineEvent;
import io.cncfdemo.benchmark.TimelineSample;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleUnaryOperator;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records a {@link Timeline} while a benchmark runs: a {@link TimelineProbe} look every interval
 * from {@link #start} to {@link #stop}, then the namespace's events; works the same on any cluster
 * that has the resource metrics API (without one, the CPU figures are left out).
 */
public final class TimelineRecorder {
  private static final Logger LOG = LoggerFactory.getLogger(TimelineRecorder.class);

  private final KubernetesClient client;
  private final String namespace;
  private final String deployment;
  private final Duration interval;
  private final DoubleUnaryOperator offeredAt;
  private final LongSupplier nanoTime;
  private final TimelineProbe probe;
  private final List<TimelineSample> samples = new ArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "cncfdemo-timeline");
            thread.setDaemon(true);
            return thread;
          });
  private volatile OptionalDouble cpuTarget = OptionalDouble.empty();
  private volatile Consumer<TimelineSample> onSample = sample -> {};
  private long startNanos;
  private Instant startInstant = Instant.EPOCH;

  /**
   * A recorder of {@code deployment} in {@code namespace}, looking every {@code interval}; {@code
   * offeredAt} gives the load offered at a time, in seconds since the start.
   */
  public TimelineRecorder(
      KubernetesClient client,
      String namespace,
      String deployment,
      Duration interval,
      DoubleUnaryOperator offeredAt) {
    this(client, namespace, deployment, interval, offeredAt, System::nanoTime);
  }

  TimelineRecorder(
      KubernetesClient client,
      String namespace,
      String deployment,
      Duration interval,
      DoubleUnaryOperator offeredAt,
      LongSupplier nanoTime) {
    this.client = client;
    this.namespace = namespace;
    this.deployment = deployment;
    this.interval = interval;
    this.offeredAt = offeredAt;
    this.nanoTime = nanoTime;
    this.probe = new TimelineProbe(client, namespace, deployment);
  }

  /**
   * Whether the resource metrics API reports the CPU of the Deployment's ready pods, every one of
   * them, as an HPA needs it to scale; false while it does not yet (a new pod takes two scrapes).
   */
  public boolean metricsReported() {
    try {
      var look = probe.look();
      return look.readyReplicas() > 0
          && look.cpuMillicoresPerReplica().isPresent()
          && probe.podsWithMetrics() >= look.readyReplicas();
    } catch (KubernetesClientException e) {
      return false;
    }
  }

  /** Tells {@code listener} each sample as it is taken, on the recorder's thread. */
  public TimelineRecorder onSample(Consumer<TimelineSample> listener) {
    this.onSample = listener;
    return this;
  }

  /** Starts looking, at once and then every interval; time 0 is now. */
  public void start() {
    startNanos = nanoTime.getAsLong();
    startInstant = Instant.now();
    scheduler.scheduleAtFixedRate(this::sample, 0, interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  /** Looks once more, now: what a test with a recorded cluster calls instead of {@link #start}. */
  void sampleNow() {
    sample();
  }

  void startAt(long nanos, Instant instant) {
    startNanos = nanos;
    startInstant = instant;
  }

  private void sample() {
    double at = (nanoTime.getAsLong() - startNanos) / 1e9;
    try {
      var look = probe.look();
      if (look.cpuTargetPercent().isPresent()) {
        cpuTarget = look.cpuTargetPercent();
      }
      var sample =
          new TimelineSample(
              Math.round(at * 10) / 10.0,
              offeredAt.applyAsDouble(at),
              OptionalDouble.empty(),
              look.desiredReplicas(),
              look.readyReplicas(),
              look.cpuMillicoresPerReplica(),
              look.cpuPercentPerReplica(),
              look.backgroundPodsRunning());
      synchronized (samples) {
        samples.add(sample);
      }
      onSample.accept(sample);
    } catch (KubernetesClientException e) {
      LOG.debug("timeline sample at {} s left out: {}", at, e.getMessage());
    }
  }

  /**
   * Stops looking and returns the timeline: the samples, the events of the namespace since the
   * start, the chaos strikes and the recovery after the first; {@code loadEndSeconds} marks where
   * the load ended.
   */
  public Timeline stop(String load, double loadEndSeconds, List<ChaosEvent> chaos) {
    scheduler.shutdownNow();
    try {
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    List<TimelineSample> taken;
    synchronized (samples) {
      taken = List.copyOf(samples);
    }
    var events = new ArrayList<TimelineEvent>();
    try {
      events.addAll(
          ClusterEvents.of(
              client.v1().events().inNamespace(namespace).list().getItems(),
              deployment,
              startInstant,
              taken.isEmpty() ? 0 : taken.get(0).desiredReplicas()));
    } catch (KubernetesClientException e) {
      LOG.warn("the events of namespace {} could not be read: {}", namespace, e.getMessage());
    }
    return assemble(load, deployment, interval, cpuTarget, loadEndSeconds, taken, events, chaos);
  }

  /** The timeline from what was recorded: chaos and recovery added to the cluster's events. */
  static Timeline assemble(
      String load,
      String deployment,
      Duration interval,
      OptionalDouble cpuTarget,
      double loadEndSeconds,
      List<TimelineSample> samples,
      List<TimelineEvent> clusterEvents,
      List<ChaosEvent> chaos) {
    var events = new ArrayList<>(clusterEvents);
    OptionalDouble recovery = OptionalDouble.empty();
    for (var strike : chaos) {
      events.add(
          new TimelineEvent(
              strike.atSeconds(), TimelineEvent.CHAOS, strike.target(), strike.action()));
      var back = Recovery.of(samples, strike.atSeconds());
      if (back.isPresent()) {
        double seconds = back.getAsDouble() - strike.atSeconds();
        if (recovery.isEmpty()) {
          recovery = OptionalDouble.of(seconds);
        }
        events.add(
            new TimelineEvent(
                back.getAsDouble(),
                TimelineEvent.RECOVERED,
                "deployment/" + deployment,
                String.format(
                    java.util.Locale.ROOT,
                    "ready replicas back %.1f s after %s",
                    seconds,
                    strike.target())));
      }
    }
    events.add(
        new TimelineEvent(
            loadEndSeconds, TimelineEvent.LOAD_END, "load", "the load profile ended"));
    events.sort(Comparator.comparingDouble(TimelineEvent::atSeconds));
    return new Timeline(
        load,
        deployment,
        interval.toMillis() / 1000.0,
        cpuTarget,
        loadEndSeconds,
        samples,
        events,
        recovery);
  }
}
