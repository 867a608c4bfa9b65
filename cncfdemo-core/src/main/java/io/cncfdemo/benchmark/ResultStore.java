package io.cncfdemo.benchmark;

import io.cncfdemo.internal.benchmark.results.DirectEndpoint;
import io.cncfdemo.internal.benchmark.results.PrometheusApi;
import io.cncfdemo.internal.benchmark.results.Pushgateway;
import io.cncfdemo.internal.benchmark.results.PushgatewayStore;
import io.cncfdemo.internal.benchmark.results.ServiceProxyEndpoint;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the results of HTTP benchmarks go and are read back from: a Pushgateway, in its text
 * format, one group per run ({@code /metrics/job/wrk/instance/RUN}), scraped by a Prometheus that
 * the library queries ({@code /api/v1/query}); the Pushgateway itself when Prometheus has not got
 * them.
 */
public interface ResultStore {

  /** Where the results are, for messages and the report. */
  String describe();

  /** Sends the figures of run {@code runId}. */
  void publish(String runId, HttpFigures figures);

  /**
   * The figures of run {@code runId}, read from Prometheus once it has scraped them, else from the
   * Pushgateway; waits up to {@code timeout}; empty when neither has them.
   */
  Optional<HttpFigures> collect(String runId, Duration timeout);

  /**
   * A Pushgateway and a Prometheus (scraping it with {@code honor_labels: true}) at URLs this JVM
   * reaches.
   */
  static ResultStore pushgateway(URI pushgateway, URI prometheus) {
    Objects.requireNonNull(pushgateway, "pushgateway");
    Objects.requireNonNull(prometheus, "prometheus");
    return new PushgatewayStore(
        new Pushgateway(new DirectEndpoint(pushgateway)),
        Optional.of(new PrometheusApi(new DirectEndpoint(prometheus))));
  }

  /**
   * The demo's Pushgateway and Prometheus in {@code namespace} (Services {@code pushgateway:9091}
   * and {@code prometheus:9090}, as {@code pushgateway()} and {@code prometheus()} create them),
   * reached through the API server's service proxy.
   */
  static ResultStore inCluster(KubernetesClient client, String namespace) {
    return new PushgatewayStore(
        new Pushgateway(new ServiceProxyEndpoint(client, namespace, "pushgateway", 9091)),
        Optional.of(
            new PrometheusApi(new ServiceProxyEndpoint(client, namespace, "prometheus", 9090))));
  }
}
