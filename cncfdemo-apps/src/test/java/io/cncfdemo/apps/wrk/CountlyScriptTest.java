package io.cncfdemo.apps.wrk;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.benchmark.HttpMetrics;
import io.cncfdemo.support.PrometheusText;
import org.junit.jupiter.api.Test;

/**
 * The results the script prints are what the benchmark reads back; a real wrk runs it in {@code
 * LocalWrkIT}.
 */
class CountlyScriptTest {
  /** What countly.lua printed for a 3 s run against a local server (wrk 4.1). */
  static final String PRINTED =
      """
      Running 3s test @ http://127.0.0.1:18080/
        2 threads and 4 connections
        1842 requests in 3.00s, 7.59MB read
      Requests/sec:    613.38
      # TYPE wrk_info gauge
      wrk_info{method="closed loop (wrk 4): latency from send to response, corrected by wrk after the run with the mean interval per connection",source="wrk \\"local\\""} 1
      wrk_requests_total 1842
      wrk_duration_seconds 3.003013
      wrk_requests_per_second 613.384
      wrk_bytes_total 7959282
      wrk_errors_total{type="connect"} 0
      wrk_errors_total{type="read"} 0
      wrk_errors_total{type="write"} 0
      wrk_errors_total{type="status"} 5
      wrk_errors_total{type="timeout"} 0
      wrk_latency_seconds{quantile="0.5"} 0.006770
      wrk_latency_seconds{quantile="0.9"} 0.008681
      wrk_latency_seconds{quantile="0.99"} 0.010943
      wrk_latency_seconds{quantile="0.999"} 0.013392
      wrk_latency_max_seconds 0.015315
      wrk_latency_mean_seconds 0.006454
      wrk_threads 2
      wrk_connections 4
      wrk_interval_seconds 1
      wrk_interval_requests{start="0"} 159
      wrk_interval_requests{start="1"} 597
      wrk_interval_errors{start="0"} 0
      wrk_interval_errors{start="1"} 5
      """;

  @Test
  void whatTheScriptPrints_readsBackAsFigures() {
    var figures = HttpMetrics.figures(PrometheusText.parse(PRINTED), "job log").orElseThrow();

    assertThat(figures.source()).isEqualTo("wrk \"local\"");
    assertThat(figures.method()).startsWith("closed loop (wrk 4)");
    assertThat(figures.requests()).isEqualTo(1842);
    assertThat(figures.latency().p999Ms()).isEqualTo(13.392);
    assertThat(figures.latency().maxMs()).isEqualTo(15.315);
    assertThat(figures.errors().status()).isEqualTo(5);
    assertThat(figures.connections()).isEqualTo(4);
    assertThat(figures.timeline()).hasSize(2);
    assertThat(figures.timeline().get(1).requestsPerSecond()).isEqualTo(597);
    assertThat(figures.timeline().get(1).errorsPerSecond()).isEqualTo(5);
    assertThat(figures.timeline().get(1).p99Ms()).isEmpty();
  }

  @Test
  void theScript_writesThroughCountlysWriteApi_andReadsThroughItsReadApi() {
    var script = Texts.resource(Wrk.class, "countly.lua");

    assertThat(script)
        .contains(
            "\"/i?app_key=\" .. app_key .. \"&device_id=\"",
            "method=events",
            "read_percent",
            "function response(status",
            "function done(summary, latency, requests)");
  }
}
