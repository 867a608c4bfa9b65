package io.cncfdemo.internal.benchmark.html;

import java.util.List;

/**
 * One line of a chart: a name for the legend, a key for tests and styles, and its points (x
 * ascending).
 */
record Series(String name, String key, List<double[]> points) {
  Series {
    points = List.copyOf(points);
  }
}
