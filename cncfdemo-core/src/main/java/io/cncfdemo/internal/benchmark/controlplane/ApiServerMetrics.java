package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ApiServerLatency;
import io.cncfdemo.support.MetricSample;
import io.cncfdemo.support.PrometheusText;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The API server's request-duration histogram ({@code apiserver_request_duration_seconds}) summed
 * into two, mutating calls and reads, from one scrape of its {@code /metrics}; the difference of
 * two scrapes gives the latency of the calls between them.
 */
final class ApiServerMetrics {
  static final String HISTOGRAM = "apiserver_request_duration_seconds_bucket";
  static final Set<String> MUTATING = Set.of("POST", "PUT", "PATCH", "DELETE", "APPLY");
  static final Set<String> READ = Set.of("GET", "LIST");

  /** Cumulative counts by upper bound in seconds ({@code +Inf} included). */
  private final TreeMap<Double, Double> mutating;

  private final TreeMap<Double, Double> read;

  private ApiServerMetrics(TreeMap<Double, Double> mutating, TreeMap<Double, Double> read) {
    this.mutating = mutating;
    this.read = read;
  }

  /** The histograms of a scrape of the API server's {@code /metrics}. */
  static ApiServerMetrics parse(String metricsText) {
    var mutating = new TreeMap<Double, Double>();
    var read = new TreeMap<Double, Double>();
    for (MetricSample sample : PrometheusText.parse(metricsText)) {
      if (!sample.name().equals(HISTOGRAM) || sample.label("le") == null) {
        continue;
      }
      var verb = sample.label("verb");
      var into = MUTATING.contains(verb) ? mutating : READ.contains(verb) ? read : null;
      if (into != null) {
        into.merge(PrometheusText.parseNumber(sample.label("le")), sample.value(), Double::sum);
      }
    }
    return new ApiServerMetrics(mutating, read);
  }

  /** The calls made since {@code before}, and their 99th percentiles. */
  ApiServerLatency since(ApiServerMetrics before) {
    var mutatingDelta = minus(mutating, before.mutating);
    var readDelta = minus(read, before.read);
    return new ApiServerLatency(
        Math.round(total(mutatingDelta)),
        quantile(mutatingDelta, 0.99) * 1000,
        Math.round(total(readDelta)),
        quantile(readDelta, 0.99) * 1000);
  }

  /**
   * The quantile of a cumulative histogram as Prometheus' {@code histogram_quantile} computes it:
   * linear within the bucket the rank falls in; the highest finite bound when it falls in +Inf; 0
   * for an empty histogram.
   */
  static double quantile(TreeMap<Double, Double> cumulative, double q) {
    double total = total(cumulative);
    if (total <= 0) {
      return 0;
    }
    double rank = q * total;
    double lowerBound = 0;
    double lowerCount = 0;
    for (Map.Entry<Double, Double> bucket : cumulative.entrySet()) {
      if (bucket.getValue() >= rank) {
        if (bucket.getKey().isInfinite()) {
          return lowerBound;
        }
        double inBucket = bucket.getValue() - lowerCount;
        return inBucket <= 0
            ? bucket.getKey()
            : lowerBound + (bucket.getKey() - lowerBound) * (rank - lowerCount) / inBucket;
      }
      lowerBound = bucket.getKey();
      lowerCount = bucket.getValue();
    }
    return lowerBound;
  }

  private static double total(TreeMap<Double, Double> cumulative) {
    return cumulative.isEmpty() ? 0 : cumulative.lastEntry().getValue();
  }

  private static TreeMap<Double, Double> minus(
      TreeMap<Double, Double> after, TreeMap<Double, Double> before) {
    var delta = new TreeMap<Double, Double>();
    after.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
    return delta;
  }
}
