package io.cncfdemo.benchmark;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The results of an HTTP benchmark: throughput, errors by kind, latency percentiles and the figures
 * over time.
 *
 * @param source what generated the load, e.g. {@code wrk 4.1 on this machine against
 *     http://127.0.0.1:8080/}
 * @param method how latency was measured, in words: closed loop or constant rate, corrected or not
 * @param collectedVia where the library read the figures: {@code prometheus}, {@code pushgateway},
 *     {@code job log} or {@code in process}
 * @param durationSeconds how long the load ran
 * @param requests completed requests, errors included
 * @param requestsPerSecond {@code requests / durationSeconds}
 * @param bytes bytes read
 * @param errors failed requests by kind
 * @param latency latency percentiles; corrected for coordinated omission when {@link #targetRate()}
 *     is present and the method says so
 * @param uncorrectedLatency for a constant-rate run, the service times without correction: what a
 *     closed-loop tool would report
 * @param targetRate the requests per second the load source was asked to hold, if any
 * @param connections open connections
 * @param threads load-generating threads
 * @param timeline the figures per interval, oldest first; empty when the source has none
 */
public record HttpFigures(
    String source,
    String method,
    String collectedVia,
    double durationSeconds,
    long requests,
    double requestsPerSecond,
    long bytes,
    ErrorCounts errors,
    Latency latency,
    Optional<Latency> uncorrectedLatency,
    OptionalInt targetRate,
    int connections,
    int threads,
    List<IntervalSample> timeline) {

  public HttpFigures {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(collectedVia, "collectedVia");
    Objects.requireNonNull(errors, "errors");
    Objects.requireNonNull(latency, "latency");
    uncorrectedLatency = Objects.requireNonNullElse(uncorrectedLatency, Optional.empty());
    targetRate = Objects.requireNonNullElse(targetRate, OptionalInt.empty());
    timeline = timeline == null ? List.of() : List.copyOf(timeline);
  }

  /** The share of requests that failed, 0 to 1. */
  public double errorRatio() {
    return requests == 0 ? 0 : (double) errors.total() / requests;
  }

  /** The same figures, read from another place. */
  public HttpFigures collectedVia(String via) {
    return new HttpFigures(
        source,
        method,
        via,
        durationSeconds,
        requests,
        requestsPerSecond,
        bytes,
        errors,
        latency,
        uncorrectedLatency,
        targetRate,
        connections,
        threads,
        timeline);
  }
}
