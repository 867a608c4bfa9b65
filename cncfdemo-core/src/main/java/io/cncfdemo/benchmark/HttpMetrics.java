package io.cncfdemo.benchmark;

import io.cncfdemo.support.MetricSample;
import io.cncfdemo.support.PrometheusText;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.TreeMap;

/**
 * The metrics an HTTP benchmark pushes to the Pushgateway, and back: the names wrk's script in
 * cncfdemo-apps writes ({@code wrk_requests_total}, {@code wrk_latency_seconds{quantile}}, ...),
 * which the Grafana dashboard shows too. Latencies are in seconds here, as Prometheus wants, and in
 * milliseconds in the report.
 */
public final class HttpMetrics {
  public static final String REQUESTS = "wrk_requests_total";
  public static final String DURATION = "wrk_duration_seconds";
  public static final String REQUESTS_PER_SECOND = "wrk_requests_per_second";
  public static final String BYTES = "wrk_bytes_total";
  public static final String ERRORS = "wrk_errors_total";
  public static final String LATENCY = "wrk_latency_seconds";
  public static final String LATENCY_MAX = "wrk_latency_max_seconds";
  public static final String LATENCY_MEAN = "wrk_latency_mean_seconds";
  public static final String UNCORRECTED = "wrk_latency_uncorrected_seconds";
  public static final String UNCORRECTED_MAX = "wrk_latency_uncorrected_max_seconds";
  public static final String UNCORRECTED_MEAN = "wrk_latency_uncorrected_mean_seconds";
  public static final String CONNECTIONS = "wrk_connections";
  public static final String THREADS = "wrk_threads";
  public static final String TARGET_RATE = "wrk_target_rate";
  public static final String INFO = "wrk_info";
  public static final String INTERVAL = "wrk_interval_seconds";
  public static final String INTERVAL_REQUESTS = "wrk_interval_requests";
  public static final String INTERVAL_ERRORS = "wrk_interval_errors";
  public static final String INTERVAL_LATENCY = "wrk_interval_latency_seconds";

  /**
   * Every name starts with this: the selector of a run's results is {@code
   * {__name__=~"wrk_.+",instance="RUN"}}.
   */
  public static final String PREFIX = "wrk_";

  static final String[] QUANTILES = {"0.5", "0.9", "0.99", "0.999"};
  static final String[] ERROR_TYPES = {"connect", "read", "write", "status", "timeout"};

  private HttpMetrics() {}

  /** The figures as samples, timeline included. */
  public static List<MetricSample> samples(HttpFigures figures) {
    var out = new ArrayList<MetricSample>();
    out.add(
        new MetricSample(INFO, Map.of("source", figures.source(), "method", figures.method()), 1));
    out.add(MetricSample.of(REQUESTS, figures.requests()));
    out.add(MetricSample.of(DURATION, figures.durationSeconds()));
    out.add(MetricSample.of(REQUESTS_PER_SECOND, figures.requestsPerSecond()));
    out.add(MetricSample.of(BYTES, figures.bytes()));
    var errors = figures.errors();
    long[] counts = {
      errors.connect(), errors.read(), errors.write(), errors.status(), errors.timeout()
    };
    for (int i = 0; i < ERROR_TYPES.length; i++) {
      out.add(MetricSample.of(ERRORS, "type", ERROR_TYPES[i], counts[i]));
    }
    latency(out, LATENCY, LATENCY_MAX, LATENCY_MEAN, figures.latency());
    figures
        .uncorrectedLatency()
        .ifPresent(
            latency -> latency(out, UNCORRECTED, UNCORRECTED_MAX, UNCORRECTED_MEAN, latency));
    out.add(MetricSample.of(CONNECTIONS, figures.connections()));
    out.add(MetricSample.of(THREADS, figures.threads()));
    figures.targetRate().ifPresent(rate -> out.add(MetricSample.of(TARGET_RATE, rate)));
    var timeline = figures.timeline();
    if (!timeline.isEmpty()) {
      double width =
          timeline.size() > 1 ? timeline.get(1).startSeconds() - timeline.get(0).startSeconds() : 1;
      out.add(MetricSample.of(INTERVAL, width));
      for (var sample : timeline) {
        var start = PrometheusText.number(sample.startSeconds());
        out.add(
            MetricSample.of(
                INTERVAL_REQUESTS, "start", start, Math.round(sample.requestsPerSecond() * width)));
        out.add(
            MetricSample.of(
                INTERVAL_ERRORS, "start", start, Math.round(sample.errorsPerSecond() * width)));
        sample
            .p50Ms()
            .ifPresent(
                ms ->
                    out.add(
                        new MetricSample(
                            INTERVAL_LATENCY,
                            Map.of("start", start, "quantile", "0.5"),
                            seconds(ms))));
        sample
            .p99Ms()
            .ifPresent(
                ms ->
                    out.add(
                        new MetricSample(
                            INTERVAL_LATENCY,
                            Map.of("start", start, "quantile", "0.99"),
                            seconds(ms))));
      }
    }
    return out;
  }

  private static void latency(
      List<MetricSample> out, String name, String max, String mean, Latency latency) {
    double[] ms = {latency.p50Ms(), latency.p90Ms(), latency.p99Ms(), latency.p999Ms()};
    for (int i = 0; i < QUANTILES.length; i++) {
      out.add(MetricSample.of(name, "quantile", QUANTILES[i], seconds(ms[i])));
    }
    out.add(MetricSample.of(max, seconds(latency.maxMs())));
    out.add(MetricSample.of(mean, seconds(latency.meanMs())));
  }

  /**
   * The figures in {@code samples} (other labels, such as job and instance, are ignored); empty
   * when the samples lack the request count, the duration or the latency percentiles.
   */
  public static Optional<HttpFigures> figures(List<MetricSample> samples, String collectedVia) {
    var found = new Found(samples);
    var requests = found.value(REQUESTS);
    var duration = found.value(DURATION);
    var latency = found.latency(LATENCY, LATENCY_MAX, LATENCY_MEAN);
    if (requests.isEmpty() || duration.isEmpty() || latency.isEmpty()) {
      return Optional.empty();
    }
    var info = found.first(INFO);
    var source = info.map(sample -> sample.label("source")).orElse("wrk");
    var method =
        info.map(sample -> sample.label("method"))
            .orElse(
                "closed loop (wrk 4): latency from send to response, corrected by wrk after the run"
                    + " with the mean interval per connection");
    long count = (long) requests.getAsDouble();
    double seconds = duration.getAsDouble();
    var errors =
        new ErrorCounts(
            found.error("connect"),
            found.error("read"),
            found.error("write"),
            found.error("status"),
            found.error("timeout"));
    var rate = found.value(TARGET_RATE);
    return Optional.of(
        new HttpFigures(
            source,
            method,
            collectedVia,
            seconds,
            count,
            found.value(REQUESTS_PER_SECOND).orElse(seconds > 0 ? count / seconds : 0),
            (long) found.value(BYTES).orElse(0),
            errors,
            latency.get(),
            found.latency(UNCORRECTED, UNCORRECTED_MAX, UNCORRECTED_MEAN),
            rate.isPresent() ? OptionalInt.of((int) rate.getAsDouble()) : OptionalInt.empty(),
            (int) found.value(CONNECTIONS).orElse(0),
            (int) found.value(THREADS).orElse(0),
            found.timeline()));
  }

  /**
   * Milliseconds as seconds, shifting the decimal point: what the report shows comes back
   * unchanged.
   */
  static double seconds(double millis) {
    return Double.isFinite(millis)
        ? BigDecimal.valueOf(millis).movePointLeft(3).doubleValue()
        : millis;
  }

  static double millis(double seconds) {
    return Double.isFinite(seconds)
        ? BigDecimal.valueOf(seconds).movePointRight(3).doubleValue()
        : seconds;
  }

  /** The samples of one run, looked up by name and labels. */
  private static final class Found {
    private final Map<String, List<MetricSample>> byName = new HashMap<>();

    Found(List<MetricSample> samples) {
      samples.forEach(
          sample -> byName.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample));
    }

    Optional<MetricSample> first(String name) {
      return byName.getOrDefault(name, List.of()).stream().findFirst();
    }

    OptionalDouble value(String name) {
      return first(name)
          .map(sample -> OptionalDouble.of(sample.value()))
          .orElse(OptionalDouble.empty());
    }

    OptionalDouble value(String name, String label, String labelValue) {
      return byName.getOrDefault(name, List.of()).stream()
          .filter(sample -> labelValue.equals(sample.label(label)))
          .mapToDouble(MetricSample::value)
          .findFirst();
    }

    long error(String type) {
      return (long) value(ERRORS, "type", type).orElse(0);
    }

    Optional<Latency> latency(String name, String max, String mean) {
      var seconds = new double[QUANTILES.length];
      for (int i = 0; i < QUANTILES.length; i++) {
        var value = value(name, "quantile", QUANTILES[i]);
        if (value.isEmpty()) {
          return Optional.empty();
        }
        seconds[i] = value.getAsDouble();
      }
      return Optional.of(
          new Latency(
              millis(seconds[0]),
              millis(seconds[1]),
              millis(seconds[2]),
              millis(seconds[3]),
              millis(value(max).orElse(seconds[3])),
              millis(value(mean).orElse(seconds[0]))));
    }

    List<IntervalSample> timeline() {
      double width = value(INTERVAL).orElse(1);
      var requests = new TreeMap<Double, Double>();
      byName
          .getOrDefault(INTERVAL_REQUESTS, List.of())
          .forEach(s -> requests.put(Double.parseDouble(s.label("start")), s.value()));
      var out = new ArrayList<IntervalSample>();
      for (var entry : requests.entrySet()) {
        var start = PrometheusText.number(entry.getKey());
        double errors = value(INTERVAL_ERRORS, "start", start).orElse(0);
        out.add(
            new IntervalSample(
                entry.getKey(),
                entry.getValue() / width,
                errors / width,
                intervalLatency(start, "0.5"),
                intervalLatency(start, "0.99")));
      }
      return out;
    }

    private OptionalDouble intervalLatency(String start, String quantile) {
      return byName.getOrDefault(INTERVAL_LATENCY, List.of()).stream()
          .filter(s -> start.equals(s.label("start")) && quantile.equals(s.label("quantile")))
          .mapToDouble(s -> millis(s.value()))
          .findFirst();
    }
  }
}
