package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.Percentiles;
import java.util.Arrays;
import java.util.Collection;

/**
 * Percentiles of a few hundred durations by the nearest-rank method, as kube-burner computes them.
 */
public final class NearestRank {
  private NearestRank() {}

  /** Percentiles of {@code millis}; all zero when there are none. */
  public static Percentiles of(Collection<Double> millis) {
    var sorted = millis.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(sorted);
    if (sorted.length == 0) {
      return new Percentiles(0, 0, 0, 0, 0);
    }
    return new Percentiles(
        sorted.length,
        rank(sorted, 50),
        rank(sorted, 90),
        rank(sorted, 99),
        sorted[sorted.length - 1]);
  }

  static double rank(double[] sorted, double percentile) {
    int rank = (int) Math.ceil(percentile / 100 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length, rank) - 1)];
  }
}
