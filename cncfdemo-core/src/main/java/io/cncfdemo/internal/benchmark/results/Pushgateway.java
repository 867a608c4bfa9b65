package io.cncfdemo.internal.benchmark.results;

import io.cncfdemo.support.MetricSample;
import io.cncfdemo.support.PrometheusText;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A Prometheus Pushgateway: results are PUT as one group per run ({@code
 * /metrics/job/JOB/instance/RUN}, replacing what the group held) and read back from its own {@code
 * /metrics}.
 */
public final class Pushgateway {
  static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
  private final HttpEndpoint endpoint;

  public Pushgateway(HttpEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  public void push(String job, String instance, List<MetricSample> samples) {
    endpoint.put(groupPath(job, instance), CONTENT_TYPE, PrometheusText.render(samples));
  }

  /** The samples of one group, as the Pushgateway exposes them now. */
  public List<MetricSample> group(String job, String instance) {
    return PrometheusText.parse(endpoint.get("/metrics")).stream()
        .filter(
            sample -> job.equals(sample.label("job")) && instance.equals(sample.label("instance")))
        .toList();
  }

  static String groupPath(String job, String instance) {
    return "/metrics/job/" + encode(job) + "/instance/" + encode(instance);
  }

  private static String encode(String segment) {
    return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
  }

  public String describe() {
    return "the Pushgateway at " + endpoint.describe();
  }
}
