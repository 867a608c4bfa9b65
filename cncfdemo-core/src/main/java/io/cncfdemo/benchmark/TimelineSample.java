package io.cncfdemo.benchmark;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One sample of a {@link Timeline}.
 *
 * @param atSeconds when, in seconds since the load started
 * @param offeredRequestsPerSecond the load the profile offered then
 * @param servedRequestsPerSecond the successful responses per second measured then; empty for
 *     simulated load, which no container serves
 * @param desiredReplicas the replicas the HPA asked for (the Deployment's own count without an HPA)
 * @param readyReplicas the Deployment's ready replicas
 * @param cpuMillicoresPerReplica the mean CPU of its pods in the resource metrics API, when it
 *     answered
 * @param cpuPercentPerReplica the same in percent of the pods' CPU request, what the HPA compares
 *     with its target
 * @param backgroundPodsRunning BOINC's pods running then
 */
public record TimelineSample(
    double atSeconds,
    double offeredRequestsPerSecond,
    OptionalDouble servedRequestsPerSecond,
    int desiredReplicas,
    int readyReplicas,
    OptionalDouble cpuMillicoresPerReplica,
    OptionalDouble cpuPercentPerReplica,
    int backgroundPodsRunning) {

  public TimelineSample {
    servedRequestsPerSecond =
        Objects.requireNonNullElse(servedRequestsPerSecond, OptionalDouble.empty());
    cpuMillicoresPerReplica =
        Objects.requireNonNullElse(cpuMillicoresPerReplica, OptionalDouble.empty());
    cpuPercentPerReplica = Objects.requireNonNullElse(cpuPercentPerReplica, OptionalDouble.empty());
  }

  /** The same sample with this served throughput. */
  public TimelineSample served(double requestsPerSecond) {
    return new TimelineSample(
        atSeconds,
        offeredRequestsPerSecond,
        OptionalDouble.of(requestsPerSecond),
        desiredReplicas,
        readyReplicas,
        cpuMillicoresPerReplica,
        cpuPercentPerReplica,
        backgroundPodsRunning);
  }
}
