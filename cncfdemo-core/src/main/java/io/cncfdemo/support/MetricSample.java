package io.cncfdemo.support;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample of a metric: its name, its labels and its value, as Prometheus' text format and query
 * API carry it.
 */
public record MetricSample(String name, Map<String, String> labels, double value) {
  public MetricSample {
    Objects.requireNonNull(name, "name");
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  public static MetricSample of(String name, double value) {
    return new MetricSample(name, Map.of(), value);
  }

  public static MetricSample of(String name, String label, String labelValue, double value) {
    return new MetricSample(name, Map.of(label, labelValue), value);
  }

  /** The value of one label, or {@code null}. */
  public String label(String label) {
    return labels.get(label);
  }
}
