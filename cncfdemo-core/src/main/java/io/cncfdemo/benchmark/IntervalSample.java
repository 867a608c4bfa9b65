package io.cncfdemo.benchmark;

import java.util.OptionalDouble;

/**
 * What an HTTP benchmark measured in one interval of its run, for the charts over time.
 *
 * @param startSeconds when the interval began, in seconds since the load started
 * @param requestsPerSecond completed requests per second in the interval (errors included)
 * @param errorsPerSecond failed requests per second in the interval
 * @param p50Ms median latency in the interval, when the load source measures it per interval
 * @param p99Ms 99th percentile latency in the interval, when the load source measures it per
 *     interval
 */
public record IntervalSample(
    double startSeconds,
    double requestsPerSecond,
    double errorsPerSecond,
    OptionalDouble p50Ms,
    OptionalDouble p99Ms) {

  /** An interval with throughput only: what wrk's script counts per second. */
  public static IntervalSample throughput(
      double startSeconds, double requestsPerSecond, double errorsPerSecond) {
    return new IntervalSample(
        startSeconds,
        requestsPerSecond,
        errorsPerSecond,
        OptionalDouble.empty(),
        OptionalDouble.empty());
  }
}
