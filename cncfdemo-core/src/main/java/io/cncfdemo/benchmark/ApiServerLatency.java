package io.cncfdemo.benchmark;

/**
 * API call latency as the API server measured it ({@code apiserver_request_duration_seconds})
 * during the control-plane benchmark, the way ClusterLoader2's API responsiveness SLO reads it: the
 * 99th percentile of mutating calls (POST, PUT, PATCH, DELETE, APPLY) and of reads (GET, LIST),
 * long-running calls (WATCH, CONNECT) left out. The SLO is p99 ≤ 1 s for both.
 *
 * @param mutatingCalls how many mutating calls there were
 * @param mutatingP99Ms their 99th percentile, in milliseconds (interpolated in the histogram)
 * @param readCalls how many reads there were
 * @param readP99Ms their 99th percentile, in milliseconds
 */
public record ApiServerLatency(
    long mutatingCalls, double mutatingP99Ms, long readCalls, double readP99Ms) {
  /** ClusterLoader2's API call latency SLO: p99 ≤ 1 s. */
  public static final double SLO_P99_MS = 1000;

  /** Whether both percentiles are within the SLO. */
  public boolean meetsSlo() {
    return mutatingP99Ms <= SLO_P99_MS && readP99Ms <= SLO_P99_MS;
  }
}
