package io.cncfdemo.apps.common;

import java.util.Objects;

/**
 * The in-cluster address of a monitoring service (Prometheus, Pushgateway), as {@link
 * AppCapabilities} hands it over.
 *
 * @param url its base URL inside the cluster, e.g. {@code http://prometheus.cncfdemo.svc:9090}
 */
public record MonitoringEndpoint(String url) {
  public MonitoringEndpoint {
    Objects.requireNonNull(url, "url");
  }
}
