package io.cncfdemo.benchmark;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One failure the benchmark caused on purpose, and what followed.
 *
 * @param action what was done, e.g. {@code delete one pod of Deployment countly-api}
 * @param target what was hit, e.g. the pod's name
 * @param atSeconds when, in seconds since the HTTP load started
 * @param errorsAfter failed requests from the strike until throughput recovered (or the end of the
 *     run)
 * @param peakErrorsPerSecond the most errors per second in that time
 * @param baselineRequestsPerSecond the median throughput before the strike, when there was HTTP
 *     load
 * @param throughputRecoverySeconds from the strike until throughput was back to 90% of the baseline
 *     without errors; empty when it did not recover before the run ended, or when there was no HTTP
 *     load
 * @param replacementReadySeconds from the strike until a replacement pod was Ready, when a pod was
 *     deleted
 */
public record ChaosEvent(
    String action,
    String target,
    double atSeconds,
    long errorsAfter,
    double peakErrorsPerSecond,
    OptionalDouble baselineRequestsPerSecond,
    OptionalDouble throughputRecoverySeconds,
    OptionalDouble replacementReadySeconds) {

  public ChaosEvent {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    baselineRequestsPerSecond =
        Objects.requireNonNullElse(baselineRequestsPerSecond, OptionalDouble.empty());
    throughputRecoverySeconds =
        Objects.requireNonNullElse(throughputRecoverySeconds, OptionalDouble.empty());
    replacementReadySeconds =
        Objects.requireNonNullElse(replacementReadySeconds, OptionalDouble.empty());
  }
}
