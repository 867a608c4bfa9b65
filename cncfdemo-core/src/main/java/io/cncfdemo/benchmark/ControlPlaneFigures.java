package io.cncfdemo.benchmark;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The results of the control-plane benchmark: the figures kube-burner and ClusterLoader2 report,
 * measured the same way on every cluster, the simulated local one included.
 *
 * @param podStartup pod start-up latency
 * @param apiLatency API request latency per call
 * @param rollout Deployment rollout time, when measured
 * @param preemption time to preempt background pods, when measured
 * @param apiServerLatency API call latency as the API server measured it, when its metrics could be
 *     read
 * @param schedulingThroughput pods scheduled per second while the start-up pods were created, when
 *     measured
 */
public record ControlPlaneFigures(
    PodStartup podStartup,
    List<ApiLatency> apiLatency,
    Optional<Rollout> rollout,
    Optional<Preemption> preemption,
    Optional<ApiServerLatency> apiServerLatency,
    Optional<Double> schedulingThroughput) {

  public ControlPlaneFigures {
    Objects.requireNonNull(podStartup, "podStartup");
    apiLatency = apiLatency == null ? List.of() : List.copyOf(apiLatency);
    rollout = Objects.requireNonNullElse(rollout, Optional.empty());
    preemption = Objects.requireNonNullElse(preemption, Optional.empty());
    apiServerLatency = Objects.requireNonNullElse(apiServerLatency, Optional.empty());
    schedulingThroughput = Objects.requireNonNullElse(schedulingThroughput, Optional.empty());
  }

  /** The figures without the API server's own latency and the scheduling throughput. */
  public ControlPlaneFigures(
      PodStartup podStartup,
      List<ApiLatency> apiLatency,
      Optional<Rollout> rollout,
      Optional<Preemption> preemption) {
    this(podStartup, apiLatency, rollout, preemption, Optional.empty(), Optional.empty());
  }
}
