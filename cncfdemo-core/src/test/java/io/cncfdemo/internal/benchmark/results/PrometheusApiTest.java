package io.cncfdemo.internal.benchmark.results;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.MetricSample;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prometheus' query answers, read into samples. */
class PrometheusApiTest {

  @Test
  void aPrometheusVector_becomesSamples_andAnErrorIsSaid() {
    var answer =
        """
        {"status":"success","data":{"resultType":"vector","result":[
          {"metric":{"__name__":"wrk_requests_total","instance":"run-1","job":"wrk"},"value":[1700000000.1,"1842"]},
          {"metric":{"__name__":"wrk_latency_seconds","quantile":"0.99","instance":"run-1","job":"wrk"},"value":[1700000000.1,"0.010943"]}]}}
        """;
    var api = new PrometheusApi(endpoint(answer));

    assertThat(api.query("{__name__=~\"wrk_.+\"}"))
        .containsExactly(
            new MetricSample("wrk_requests_total", Map.of("instance", "run-1", "job", "wrk"), 1842),
            new MetricSample(
                "wrk_latency_seconds",
                Map.of("quantile", "0.99", "instance", "run-1", "job", "wrk"),
                0.010943));
    var refused =
        new PrometheusApi(
            endpoint(
                "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"parse error\"}"));
    assertThatThrownBy(() -> refused.query("{"))
        .isInstanceOf(CncfDemoException.class)
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
