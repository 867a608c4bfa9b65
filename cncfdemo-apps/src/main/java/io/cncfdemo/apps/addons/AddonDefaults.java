package io.cncfdemo.apps.addons;

import io.cncfdemo.component.Component;
import io.cncfdemo.component.ComponentDefaults;
import java.util.List;

/**
 * The {@code addons} group: {@code metricsServer()}, {@code ingressNginx()} and {@code
 * localPathStorage()}. Each joins a demo deployed on a cluster that lacks what it adds while a
 * component of the demo needs it — metrics-server where no metrics API answers, ingress-nginx where
 * no default IngressClass exists — and stays when this demo installed it before. Local-path storage
 * is never guessed: it joins by itself only where the cluster's provider declares its nodes' disks
 * the storage (bare metal); elsewhere the deploy's preflight names it as the fix. {@code
 * Demo...without("addons")} leaves them all out.
 */
public final class AddonDefaults implements ComponentDefaults {
  public static final String GROUP = "addons";

  @Override
  public String group() {
    return GROUP;
  }

  @Override
  public List<Component> components() {
    return List.of(MetricsServer.create(), IngressNginx.create(), LocalPathStorage.create());
  }
}
