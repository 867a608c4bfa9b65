package io.cncfdemo.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One figure of several runs side by side, e.g. p99 latency of local, AWS and GCP.
 *
 * @param name the figure, e.g. {@code p99 latency}
 * @param unit its unit, e.g. {@code ms}
 * @param higherIsBetter whether the highest value is best (throughput) or the lowest (latency,
 *     cost)
 * @param values one per run, in the comparison's order; empty where a run lacks the figure
 */
public record ComparedFigure(
    String name, String unit, boolean higherIsBetter, List<OptionalDouble> values) {
  public ComparedFigure {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    values = List.copyOf(values);
  }

  /**
   * The indexes of the runs with the best value (several on a tie); empty unless at least two runs
   * have the figure and their values differ.
   */
  public List<Integer> best() {
    var present =
        values.stream()
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .toArray();
    if (present.length < 2) {
      return List.of();
    }
    double best = present[0];
    boolean differ = false;
    for (double value : present) {
      differ |= value != present[0];
      best = higherIsBetter ? Math.max(best, value) : Math.min(best, value);
    }
    if (!differ) {
      return List.of();
    }
    var indexes = new ArrayList<Integer>();
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isPresent() && values.get(i).getAsDouble() == best) {
        indexes.add(i);
      }
    }
    return List.copyOf(indexes);
  }
}
