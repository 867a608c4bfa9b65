package io.cncfdemo.internal.benchmark.timeline;

import io.cncfdemo.benchmark.TimelineSample;
import java.util.List;
import java.util.OptionalDouble;

/**
 * When a Deployment recovered from a strike: the first sample after it whose ready replicas are
 * back to the count of the last sample before it (so at the resolution of the samples).
 */
final class Recovery {
  private Recovery() {}

  /** When the ready replicas were back after a strike at {@code atSeconds}; empty if never. */
  static OptionalDouble of(List<TimelineSample> samples, double atSeconds) {
    int before = -1;
    for (var sample : samples) {
      if (sample.atSeconds() <= atSeconds) {
        before = sample.readyReplicas();
      } else if (before < 0) {
        return OptionalDouble.empty();
      } else if (sample.readyReplicas() >= before) {
        return OptionalDouble.of(sample.atSeconds());
      }
    }
    return OptionalDouble.empty();
  }
}
