package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.CncfDemoException;
import io.cncfdemo.internal.benchmark.results.HttpMetrics;
import io.cncfdemo.internal.benchmark.results.HttpEndpoint;
import io.cncfdemo.internal.benchmark.results.MetricSample;
import io.cncfdemo.internal.benchmark.results.PrometheusApi;
import io.cncfdemo.internal.benchmark.results.PrometheusText;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Figures to the Prometheus text format and back, and Prometheus' query answers. */
class ResultsCodecTest {

  @Test
  void figures_survivePushingAndReading_exactly() {
    var figures = SampleReports.of("local", "local", 1).http().orElseThrow();

    var text = PrometheusText.render(HttpMetrics.samples(figures));
    var back = HttpMetrics.figures(PrometheusText.parse(text), "prometheus").orElseThrow();

    assertThat(back).isEqualTo(figures.collectedVia("prometheus"));
    assertThat(text).contains("# TYPE wrk_requests_total gauge\nwrk_requests_total 27000\n",
        "wrk_latency_seconds{quantile=\"0.99\"} 0.85\n", "wrk_errors_total{type=\"status\"} 147\n",
        "wrk_interval_latency_seconds{quantile=\"0.99\",start=\"12\"} 0.9\n",
        "wrk_info{method=\"constant rate, corrected\",source=\"constant-rate generator against http://countly-api:3001/\"} 1");
  }

  @Test
  void labelValues_areEscaped_andParsedBack() {
    var sample = new MetricSample("wrk_info", Map.of("source", "a \"quoted\" \\ value\nnext"), 1);

    var text = PrometheusText.render(List.of(sample));

    assertThat(text).contains("wrk_info{source=\"a \\\"quoted\\\" \\\\ value\\nnext\"} 1");
    assertThat(PrometheusText.parse(text)).containsExactly(sample);
  }

  @Test
  void parsing_skipsWhatIsNotASample_asInAJobLog() {
    var log = """
        Running 10s test @ http://countly-api:3001/
          2 threads and 64 connections
        # HELP wrk_requests_total requests
        wrk_requests_total{job="wrk",instance="run-1"} 1.5e3 1700000000000
        Requests/sec:   150.00
        broken{ 1
        nan_value NaN
        """;

    assertThat(PrometheusText.parse(log)).containsExactly(
        new MetricSample("wrk_requests_total", Map.of("job", "wrk", "instance", "run-1"), 1500),
        MetricSample.of("nan_value", Double.NaN));
  }

  @Test
  void incompleteResults_areNoFigures() {
    assertThat(HttpMetrics.figures(List.of(MetricSample.of("wrk_requests_total", 10)), "x")).isEmpty();
  }

  @Test
  void aPrometheusVector_becomesSamples_andAnErrorIsSaid() {
    var answer = """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"wrk_requests_total","instance":"run-1","job":"wrk"},"value":[1700000000.1,"1842"]},
          {"metric":{"__name__":"wrk_latency_seconds","quantile":"0.99","instance":"run-1","job":"wrk"},"value":[1700000000.1,"0.010943"]}]}}
        """;
    var api = new PrometheusApi(endpoint(answer));

    assertThat(api.query("{__name__=~\"wrk_.+\"}")).containsExactly(
        new MetricSample("wrk_requests_total", Map.of("instance", "run-1", "job", "wrk"), 1842),
        new MetricSample("wrk_latency_seconds", Map.of("quantile", "0.99", "instance", "run-1", "job", "wrk"), 0.010943));
    var refused = new PrometheusApi(endpoint("{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"));
    assertThatThrownBy(() -> refused.query("{")).isInstanceOf(CncfDemoException.class)
        .hasMessage("Prometheus refused the query {: parse error");
  }

  private static HttpEndpoint endpoint(String answer) {
    return new HttpEndpoint() {
      @Override
      public String get(String path) {
        assertThat(path).startsWith("/api/v1/query?query=");
        return answer;
      }

      @Override
      public void put(String path, String contentType, String body) {
        throw new UnsupportedOperationException();
      }

      @Override
      public String describe() {
        return "test";
      }
    };
  }
}
