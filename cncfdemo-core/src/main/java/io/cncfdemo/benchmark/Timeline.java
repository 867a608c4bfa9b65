package io.cncfdemo.benchmark;

import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * The demo's story over one run, sampled from the Kubernetes API: the load offered and served, the
 * scaled Deployment's replicas, its CPU per replica against the HorizontalPodAutoscaler's target,
 * the background (BOINC) pods running, and the events on the same time axis. Recorded when a
 * benchmark has a {@link LoadProfile}; times in seconds since the load started.
 *
 * @param load what offered the load, e.g. {@value #SIMULATED_LOAD} on the simulated cluster
 * @param deployment the Deployment the load went to and the HPA scales, e.g. {@code countly-api}
 * @param intervalSeconds the time between two samples
 * @param cpuTargetPercent the HPA's CPU target, in percent of the pods' request, when it has one
 * @param loadEndSeconds when the load profile ended
 * @param samples the samples, oldest first
 * @param events what happened, in time order: preemptions, chaos, scaling, recovery
 * @param recoverySeconds from the first chaos strike until the ready replicas were back to their
 *     count before it; empty without chaos, or when they were not back before the run ended
 */
public record Timeline(
    String load,
    String deployment,
    double intervalSeconds,
    OptionalDouble cpuTargetPercent,
    double loadEndSeconds,
    List<TimelineSample> samples,
    List<TimelineEvent> events,
    OptionalDouble recoverySeconds) {

  /** How the load is labelled where no container serves it. */
  public static final String SIMULATED_LOAD = "simulated load — no container serves it";

  public Timeline {
    Objects.requireNonNull(load, "load");
    Objects.requireNonNull(deployment, "deployment");
    cpuTargetPercent = Objects.requireNonNullElse(cpuTargetPercent, OptionalDouble.empty());
    samples = samples == null ? List.of() : List.copyOf(samples);
    events = events == null ? List.of() : List.copyOf(events);
    recoverySeconds = Objects.requireNonNullElse(recoverySeconds, OptionalDouble.empty());
  }

  /** Whether the load was simulated: offered as CPU, served by no container. */
  public boolean simulated() {
    return SIMULATED_LOAD.equals(load);
  }

  /** The most replicas the HPA asked for during the run. */
  public int maxDesiredReplicas() {
    return samples.stream().mapToInt(TimelineSample::desiredReplicas).max().orElse(0);
  }

  /**
   * The story in one line, e.g. {@code countly-api 2 → 6 → 2 replicas by its HPA, 5 BOINC pods
   * preempted, ready again 4.0 s after the chaos}.
   */
  public String describe() {
    if (samples.isEmpty()) {
      return deployment + ": no sample recorded";
    }
    int first = samples.get(0).desiredReplicas();
    int last = samples.get(samples.size() - 1).desiredReplicas();
    return deployment
        + " "
        + first
        + " → "
        + maxDesiredReplicas()
        + " → "
        + last
        + " replicas by its HPA, "
        + preemptedPods()
        + " BOINC pods preempted"
        + (recoverySeconds.isPresent()
            ? String.format(
                java.util.Locale.ROOT,
                ", ready again %.1f s after the chaos",
                recoverySeconds.getAsDouble())
            : "");
  }

  /** How many pods the scheduler preempted (a pod may have more than one Preempted event). */
  public long preemptedPods() {
    return events(TimelineEvent.PREEMPTED).stream().map(TimelineEvent::object).distinct().count();
  }

  /** The events of one kind, e.g. {@link TimelineEvent#PREEMPTED}. */
  public List<TimelineEvent> events(String kind) {
    return events.stream().filter(event -> event.kind().equals(kind)).toList();
  }
}
