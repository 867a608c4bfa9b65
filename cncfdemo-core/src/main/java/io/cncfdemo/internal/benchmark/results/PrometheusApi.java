package io.cncfdemo.internal.benchmark.results;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.MetricSample;
import io.cncfdemo.support.PrometheusText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Prometheus' HTTP API: instant queries ({@code /api/v1/query}) whose result is a vector of
 * samples.
 */
public final class PrometheusApi {
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpEndpoint endpoint;

  public PrometheusApi(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  /**
   * The samples {@code promql} selects now; the metric name is the sample's name, {@code __name__}
   * is dropped.
   */
  public List<MetricSample> query(String promql) {
    var body =
        endpoint.get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    return parseVector(body, promql);
  }

  static List<MetricSample> parseVector(String body, String promql) {
    try {
      var root = JSON.readTree(body);
      if (!"success".equals(root.path("status").asString())) {
        throw new CncfDemoException(
            "Prometheus refused the query " + promql + ": " + root.path("error").asString());
      }
      var data = root.path("data");
      if (!"vector".equals(data.path("resultType").asString())) {
        throw new CncfDemoException(
            "Prometheus answered "
                + promql
                + " with a "
                + data.path("resultType").asString()
                + ", not a vector");
      }
      var samples = new ArrayList<MetricSample>();
      for (var result : data.path("result")) {
        var labels = new LinkedHashMap<String, String>();
        result
            .path("metric")
            .properties()
            .forEach(entry -> labels.put(entry.getKey(), entry.getValue().asString()));
        var name = labels.remove("__name__");
        samples.add(
            new MetricSample(
                name == null ? "" : name,
                labels,
                PrometheusText.parseNumber(result.path("value").get(1).asString())));
      }
      return samples;
    } catch (JacksonException e) {
      throw new CncfDemoException(
          "Prometheus answered "
              + promql
              + " with something that is not JSON: "
              + e.getOriginalMessage(),
          e);
    }
  }

  public String describe() {
    return "Prometheus at " + endpoint.describe();
  }
}
