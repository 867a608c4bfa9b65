package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Samples to the Prometheus text format and back. */
class PrometheusTextTest {

  @Test
  void labelValues_areEscaped_andParsedBack() {
    var sample = new MetricSample("wrk_info", Map.of("source", "a \"quoted\" \\ value\nnext"), 1);

    var text = PrometheusText.render(List.of(sample));

    assertThat(text).contains("wrk_info{source=\"a \\\"quoted\\\" \\\\ value\\nnext\"} 1");
    assertThat(PrometheusText.parse(text)).containsExactly(sample);
  }

  @Test
  void parsing_skipsWhatIsNotASample_asInAJobLog() {
    var log =
        """
        Running 10s test @ http://countly-api:3001/
          2 threads and 64 connections
        # HELP wrk_requests_total requests
        wrk_requests_total{job="wrk",instance="run-1"} 1.5e3 1700000000000
        Requests/sec:   150.00
        broken{ 1
        nan_value NaN
        """;

    assertThat(PrometheusText.parse(log))
        .containsExactly(
            new MetricSample("wrk_requests_total", Map.of("job", "wrk", "instance", "run-1"), 1500),
            MetricSample.of("nan_value", Double.NaN));
  }
}
