package io.cncfdemo.apps.monitoring;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import java.util.List;

/**
 * The {@code monitoring} group every demo gets unless {@code withoutMonitoring()}: Prometheus,
 * Pushgateway and Grafana with their defaults. A {@code prometheus().with...()} given to {@code
 * Demo.with(...)} replaces the default one.
 */
public final class MonitoringDefaults implements ComponentDefaults {
  public static final String GROUP = "monitoring";

  @Override
  public String group() {
    return GROUP;
  }

  @Override
  public List<Component> components() {
    return List.of(Prometheus.create(), Pushgateway.create(), Grafana.create());
  }
}
