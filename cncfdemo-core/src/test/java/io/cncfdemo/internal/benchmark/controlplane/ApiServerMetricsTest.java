package io.cncfdemo.internal.benchmark.controlplane;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ApiServerMetricsTest {
  private static String scrape(int fastPosts, int slowPosts, int gets, int watches) {
    return String.join(
        "\n",
        "# HELP apiserver_request_duration_seconds [STABLE] Response latency distribution",
        "# TYPE apiserver_request_duration_seconds histogram",
        bucket("POST", "pods", "0.1", fastPosts),
        bucket("POST", "pods", "1", fastPosts + slowPosts),
        bucket("POST", "pods", "+Inf", fastPosts + slowPosts),
        bucket("GET", "nodes", "0.1", gets),
        bucket("GET", "nodes", "1", gets),
        bucket("GET", "nodes", "+Inf", gets),
        bucket("WATCH", "pods", "0.1", 0),
        bucket("WATCH", "pods", "+Inf", watches),
        "apiserver_request_duration_seconds_count{verb=\"POST\"} " + (fastPosts + slowPosts),
        "");
  }

  private static String bucket(String verb, String resource, String le, int count) {
    return "apiserver_request_duration_seconds_bucket{component=\"apiserver\",resource=\""
        + resource
        + "\",verb=\""
        + verb
        + "\",le=\""
        + le
        + "\"} "
        + count;
  }

  @Test
  void since_countsTheCallsBetweenTwoScrapes_mutatingApartFromReads_withoutWatches() {
    var before = ApiServerMetrics.parse(scrape(100, 0, 50, 3));
    var after = ApiServerMetrics.parse(scrape(100 + 90, 10, 50 + 200, 40));

    var latency = after.since(before);

    assertThat(latency.mutatingCalls()).isEqualTo(100);
    assertThat(latency.readCalls()).isEqualTo(200);
    // rank 99 of 100 falls in (0.1 s, 1 s], 9 of its 10 calls: 100 + 900 * 9 / 10 ms
    assertThat(latency.mutatingP99Ms()).isCloseTo(910, within(0.001));
    // rank 198 of 200 in the first bucket: 100 ms * 198 / 200
    assertThat(latency.readP99Ms()).isCloseTo(99, within(0.001));
    assertThat(latency.meetsSlo()).isTrue();
  }

  @Test
  void quantile_inTheInfiniteBucket_isTheHighestFiniteBound_andOfNothingZero() {
    var cumulative = new TreeMap<Double, Double>();
    cumulative.put(0.5, 1.0);
    cumulative.put(Double.POSITIVE_INFINITY, 10.0);

    assertThat(ApiServerMetrics.quantile(cumulative, 0.99)).isEqualTo(0.5);
    assertThat(ApiServerMetrics.quantile(new TreeMap<>(), 0.99)).isZero();
  }
}
