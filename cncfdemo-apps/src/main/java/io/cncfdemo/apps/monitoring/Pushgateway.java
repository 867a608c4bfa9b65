package io.cncfdemo.apps.monitoring;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.apps.internal.KubeObjects;
import io.cncfdemo.apps.internal.NetworkRules;
import io.cncfdemo.apps.internal.PodSpecs;
import io.cncfdemo.apps.internal.Provided;
import io.cncfdemo.apps.internal.Volumes;
import io.cncfdemo.component.Capability;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * The Prometheus Pushgateway, where short-lived Jobs (the wrk benchmarks) push their results for
 * Prometheus to scrape. Part of the default {@code monitoring} group. Provides {@link
 * AppCapabilities#PUSHGATEWAY}.
 */
@CncfDemoValue
public abstract class Pushgateway implements Component, Imaged<Pushgateway>, Sized<Pushgateway> {
  public static final String NAME = "pushgateway";
  public static final String DEFAULT_IMAGE = "prom/pushgateway:v1.11.0";
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("50m", "64Mi").limits("200m", "256Mi");
  public static final int PORT = 9091;

  /** The image's user, {@code nobody}. */
  static final long PUSHGATEWAY_USER = 65534;

  Pushgateway() {}

  public static Pushgateway create() {
    return ImmutablePushgateway.builder().build();
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

  @Override
  public Pushgateway image(String image) {
    return ImmutablePushgateway.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public Pushgateway resources(Resources resources) {
    return ImmutablePushgateway.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability<?>> provides() {
    return Set.of(AppCapabilities.PUSHGATEWAY);
  }

  @Override
  public <T> T provide(Capability<T> capability, DemoContext context) {
    return Provided.only(
        this, capability, AppCapabilities.PUSHGATEWAY, () -> Provided.http(NAME, context, PORT));
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    var labels = context.labels(this, "gateway");
    var selector = context.selector(this, "gateway");
    var container =
        HttpServers.container(NAME, image(), resources(), PORT, "/-/ready", "/-/healthy")
            // Survives a container restart; a new pod starts empty, and the benchmarks push again.
            .withArgs(
                "--web.listen-address=:" + PORT,
                "--persistence.file=/data/metrics",
                "--persistence.interval=1m")
            .withVolumeMounts(Volumes.mount("data", "/data", false))
            .build();
    var spec =
        PodSpecs.base(context.foregroundPriorityClass(), PUSHGATEWAY_USER)
            .withContainers(container)
            .withVolumes(Volumes.emptyDir("data", "256Mi"))
            .build();
    return Map.of(
        Stage.MONITORING,
        List.of(
            KubeObjects.deployment(
                NAME, labels, selector, 1, PodSpecs.template(labels, Map.of(), spec)),
            KubeObjects.service(NAME, labels, selector, KubeObjects.port("http", PORT)),
            // Prometheus scrapes it, the load Jobs push to it, the benchmark reads it through the
            // API server's proxy.
            NetworkRules.forPods(NAME, labels, selector)
                .from(NetworkRules.component(Prometheus.NAME), PORT)
                .from(NetworkRules.anyComponent("load"), PORT)
                .from(NetworkRules.outside(), PORT)
                .build()));
  }

  @Override
  public String toString() {
    return describe();
  }
}
