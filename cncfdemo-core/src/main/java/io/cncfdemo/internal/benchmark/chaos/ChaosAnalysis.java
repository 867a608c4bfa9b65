package io.cncfdemo.internal.benchmark.chaos;

import io.cncfdemo.benchmark.IntervalSample;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * What a strike did to the HTTP figures over time, to the resolution of the timeline's intervals:
 * the baseline (median successful requests per second before it), the errors from the strike until
 * recovery, their peak rate, and the time until an interval was back to {@value #RECOVERED} of the
 * baseline without errors.
 */
public final class ChaosAnalysis {
  static final double RECOVERED = 0.9;

  /** The outcome. */
  public record Outcome(
      OptionalDouble baseline,
      long errorsAfter,
      double peakErrorsPerSecond,
      OptionalDouble recoverySeconds) {}

  private ChaosAnalysis() {}

  public static Outcome of(List<IntervalSample> timeline, double atSeconds) {
    if (timeline.isEmpty()) {
      return new Outcome(OptionalDouble.empty(), 0, 0, OptionalDouble.empty());
    }
    double width =
        timeline.size() > 1 ? timeline.get(1).startSeconds() - timeline.get(0).startSeconds() : 1;
    var before =
        timeline.stream()
            .filter(s -> s.startSeconds() + width <= atSeconds)
            .mapToDouble(ChaosAnalysis::good)
            .toArray();
    var baseline = before.length == 0 ? OptionalDouble.empty() : OptionalDouble.of(median(before));
    long errors = 0;
    double peak = 0;
    for (var sample : timeline) {
      if (sample.startSeconds() + width <= atSeconds) {
        continue;
      }
      boolean recovered =
          sample.startSeconds() >= atSeconds
              && baseline.isPresent()
              && sample.errorsPerSecond() == 0
              && good(sample) >= RECOVERED * baseline.getAsDouble();
      if (recovered) {
        return new Outcome(
            baseline, errors, peak, OptionalDouble.of(sample.startSeconds() - atSeconds));
      }
      errors += Math.round(sample.errorsPerSecond() * width);
      peak = Math.max(peak, sample.errorsPerSecond());
    }
    return new Outcome(baseline, errors, peak, OptionalDouble.empty());
  }

  /** Successful requests per second. */
  private static double good(IntervalSample sample) {
    return Math.max(0, sample.requestsPerSecond() - sample.errorsPerSecond());
  }

  private static double median(double[] values) {
    var sorted = values.clone();
    Arrays.sort(sorted);
    int middle = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  }
}
