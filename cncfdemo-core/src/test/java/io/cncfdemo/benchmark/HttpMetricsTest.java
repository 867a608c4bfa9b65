package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.support.MetricSample;
import io.cncfdemo.support.PrometheusText;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Figures to the Prometheus text format and back, by the names of {@link HttpMetrics}. */
class HttpMetricsTest {

  @Test
  void figures_survivePushingAndReading_exactly() {
    var figures = SampleReports.of("local", "local", 1).http().orElseThrow();

    var text = PrometheusText.render(HttpMetrics.samples(figures));
    var back = HttpMetrics.figures(PrometheusText.parse(text), "prometheus").orElseThrow();

    assertThat(back).isEqualTo(figures.collectedVia("prometheus"));
    assertThat(text)
        .contains(
            "# TYPE wrk_requests_total gauge\nwrk_requests_total 27000\n",
            "wrk_latency_seconds{quantile=\"0.99\"} 0.85\n",
            "wrk_errors_total{type=\"status\"} 147\n",
            "wrk_interval_latency_seconds{quantile=\"0.99\",start=\"12\"} 0.9\n",
            "wrk_info{method=\"constant rate, corrected\",source=\"constant-rate generator against"
                + " http://countly-api:3001/\"} 1");
  }

  @Test
  void incompleteResults_areNoFigures() {
    assertThat(HttpMetrics.figures(List.of(MetricSample.of("wrk_requests_total", 10)), "x"))
        .isEmpty();
  }
}
