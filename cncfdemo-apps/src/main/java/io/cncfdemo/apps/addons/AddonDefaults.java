package io.cncfdemo.apps.addons;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import java.util.List;

/**
 * The {@code addons} group: {@code metricsServer()} and {@code ingressNginx()}, for clusters that
 * lack a metrics API or an ingress controller. Known to {@code Demo...without("addons")}, but not
 * included by default: which clusters need them is the cluster's to say (its capabilities), not a
 * guess. {@code localPathStorage()} is never part of it.
 */
public final class AddonDefaults implements ComponentDefaults {
  public static final String GROUP = "addons";

  @Override
  public String group() {
    return GROUP;
  }

  @Override
  public List<Component> components() {
    return List.of(MetricsServer.create(), IngressNginx.create());
  }

  /**
   * {@code false} for now: on the simulated cluster no metrics-server process would answer the
   * APIService, which leaves the aggregated API unavailable and stalls discovery and namespace
   * deletion.
   */
  @Override
  public boolean includedByDefault() {
    return false;
  }
}
