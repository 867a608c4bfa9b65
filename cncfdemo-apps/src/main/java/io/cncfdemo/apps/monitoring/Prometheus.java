package io.cncfdemo.apps.monitoring;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.ClusterNeeds;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.apps.internal.Provided;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Need;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Prometheus with Kubernetes service discovery (pods and services annotated {@code
 * prometheus.io/scrape}, the kubelets' cAdvisor), the RBAC that discovery needs, the demo's
 * Pushgateway as a target, and recording and alerting rules. Part of the default {@code monitoring}
 * group. Provides {@link AppCapabilities#PROMETHEUS}, requires {@link AppCapabilities#PUSHGATEWAY}.
 */
@CncfDemoValue
public abstract class Prometheus implements Component, Imaged<Prometheus>, Sized<Prometheus> {
  public static final String NAME = "prometheus";
  public static final String DEFAULT_IMAGE = "prom/prometheus:v3.5.0";
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("200m", "512Mi").limits("1", "2Gi");
  public static final String DEFAULT_STORAGE = "10Gi";
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(15);
  public static final Duration DEFAULT_SCRAPE_INTERVAL = Duration.ofSeconds(15);
  static final int PORT = 9090;

  Prometheus() {}

  public static Prometheus create() {
    return ImmutablePrometheus.builder().build();
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

  /** The volume of the time-series database. */
  @Value.Default
  public String storage() {
    return DEFAULT_STORAGE;
  }

  /** The StorageClass of the volume; the cluster's default class when empty. */
  public abstract Optional<String> storageClass();

  /** How long samples are kept. */
  @Value.Default
  public Duration retention() {
    return DEFAULT_RETENTION;
  }

  @Value.Default
  public Duration scrapeInterval() {
    return DEFAULT_SCRAPE_INTERVAL;
  }

  @Override
  public Prometheus image(String image) {
    return ImmutablePrometheus.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public Prometheus resources(Resources resources) {
    return ImmutablePrometheus.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  public Prometheus storage(String size) {
    return ImmutablePrometheus.copyOf(this).copyWithStorage(Resources.memory("storage", size));
  }

  public Prometheus storageClass(String storageClass) {
    return ImmutablePrometheus.copyOf(this)
        .copyWithStorageClass(Check.dnsSubdomain("storageClass", storageClass));
  }

  public Prometheus retention(Duration retention) {
    return ImmutablePrometheus.copyOf(this)
        .copyWithRetention(
            Check.between("retention", retention, Duration.ofHours(2), Duration.ofDays(365)));
  }

  public Prometheus scrapeInterval(Duration interval) {
    return ImmutablePrometheus.copyOf(this)
        .copyWithScrapeInterval(
            Check.between(
                "scrapeInterval", interval, Duration.ofSeconds(5), Duration.ofMinutes(5)));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability<?>> provides() {
    return Set.of(AppCapabilities.PROMETHEUS);
  }

  @Override
  public Set<Capability<?>> requires() {
    return Set.of(AppCapabilities.PUSHGATEWAY);
  }

  @Override
  public <T> T provide(Capability<T> capability, DemoContext context) {
    return Provided.only(
        this, capability, AppCapabilities.PROMETHEUS, () -> Provided.http(NAME, context, PORT));
  }

  /** The configuration files this Prometheus runs with in {@code context}'s demo. */
  public PrometheusConfig config(DemoContext context) {
    var pushgateway = java.net.URI.create(context.require(AppCapabilities.PUSHGATEWAY).url());
    return new PrometheusConfig(
        context.namespace(),
        pushgateway.getHost() + ":" + pushgateway.getPort(),
        scrapeInterval(),
        PrometheusConfig.IN_CLUSTER_SERVICE_ACCOUNT);
  }

  /** A volume of {@link #storageClass()} or the cluster's default class. */
  @Override
  public List<Need> needs() {
    return List.of(ClusterNeeds.volumes(storageClass()));
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(Stage.MONITORING, PrometheusObjects.all(this, context));
  }

  @Override
  public String toString() {
    return describe();
  }
}
