package io.cncfdemo.apps.monitoring;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.ClusterNeeds;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Need;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Grafana with the demo's Prometheus as its provisioned data source and the demo's dashboards
 * (Countly, MongoDB, cluster, BOINC, benchmark), an admin password generated per demo (Secret
 * {@code grafana-admin}) and an Ingress for {@code grafana.<domain>}. Part of the default {@code
 * monitoring} group. Requires {@link AppCapabilities#PROMETHEUS}.
 */
@CncfDemoValue
public abstract class Grafana implements Component, Imaged<Grafana>, Sized<Grafana> {
  public static final String NAME = "grafana";
  public static final String DEFAULT_IMAGE = "grafana/grafana:11.6.1";
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("100m", "128Mi").limits("500m", "512Mi");

  Grafana() {}

  public static Grafana create() {
    return ImmutableGrafana.builder().build();
  }

  @Value.Default
  @Override
  public String image() {
    return DEFAULT_IMAGE;
  }

  @Value.Default
  @Override
  public Resources resources() {
    return DEFAULT_RESOURCES;
  }

  /** The IngressClass of {@code grafana.<domain>}; the cluster's default class when empty. */
  public abstract Optional<String> ingressClass();

  @Override
  public Grafana image(String image) {
    return ImmutableGrafana.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public Grafana resources(Resources resources) {
    return ImmutableGrafana.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  public Grafana ingressClass(String ingressClass) {
    return ImmutableGrafana.copyOf(this)
        .copyWithIngressClass(Check.dnsSubdomain("ingressClass", ingressClass));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability<?>> requires() {
    return Set.of(AppCapabilities.PROMETHEUS);
  }

  /** An IngressClass for {@code grafana.<domain>}. */
  @Override
  public List<Need> needs() {
    return List.of(ClusterNeeds.ingressClass(ingressClass()));
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(Stage.MONITORING, new GrafanaObjects(this, context).all());
  }

  @Override
  public String toString() {
    return describe();
  }
}
