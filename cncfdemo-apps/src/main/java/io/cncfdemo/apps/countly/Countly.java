package io.cncfdemo.apps.countly;

import io.cncfdemo.apps.common.AppCapabilities;
import io.cncfdemo.apps.common.Resources;
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
 * Countly, the product-analytics server: its API as an autoscaled Deployment of at least two
 * replicas, its dashboard as a single replica, both configured from the {@code api.js} and {@code
 * frontend.js} in this package's resources with the demo's MongoDB, and an Ingress for {@code
 * countly.<domain>}; a one-shot Job sets it up for writes (first admin user, an app, its keys in
 * the Secret {@code countly-keys}) unless {@link #setup(boolean)} says otherwise. Requires {@link
 * AppCapabilities#MONGODB}; provides {@link AppCapabilities#COUNTLY_APP} with its setup.
 */
@CncfDemoValue
public abstract class Countly implements Component {
  public static final String NAME = "countly";
  public static final String DEFAULT_API_IMAGE = "countly/api:25.05.4";
  public static final String DEFAULT_FRONTEND_IMAGE = "countly/frontend:25.05.4";
  public static final int DEFAULT_REPLICAS = 2;
  public static final int DEFAULT_MAX_REPLICAS = 10;
  public static final int DEFAULT_CPU_TARGET_PERCENT = 70;

  /**
   * Kubernetes' own default: the autoscaler scales down to the highest recommendation of the last
   * five minutes.
   */
  public static final Duration DEFAULT_SCALE_DOWN_STABILIZATION = Duration.ofMinutes(5);

  /**
   * With 2Gi of ephemeral storage: the image's postinstall.sh builds plugins and assets into its
   * own file system.
   */
  public static final Resources DEFAULT_API_RESOURCES =
      Resources.requests("250m", "512Mi").limits("1", "1Gi").ephemeralStorage("256Mi", "2Gi");

  public static final Resources DEFAULT_FRONTEND_RESOURCES =
      Resources.requests("100m", "256Mi").limits("500m", "768Mi").ephemeralStorage("256Mi", "2Gi");
  public static final boolean DEFAULT_SETUP = true;

  Countly() {}

  public static Countly create() {
    return ImmutableCountly.builder().build();
  }

  /**
   * The autoscaler's minimum, which the API starts with: at least two, so that one can fail or
   * move. The autoscaler owns the API's replica count from then on; a redeploy leaves what it
   * decided in place.
   */
  @Value.Default
  public int replicas() {
    return DEFAULT_REPLICAS;
  }

  /** The autoscaler's maximum. */
  @Value.Default
  public int maxReplicas() {
    return DEFAULT_MAX_REPLICAS;
  }

  /** The average CPU use, in percent of the API's CPU request, that the autoscaler keeps. */
  @Value.Default
  public int cpuTargetPercent() {
    return DEFAULT_CPU_TARGET_PERCENT;
  }

  /** How long the autoscaler waits, after the load falls, before it removes replicas. */
  @Value.Default
  public Duration scaleDownStabilization() {
    return DEFAULT_SCALE_DOWN_STABILIZATION;
  }

  /**
   * A per-pod metric the autoscaler also follows, served by a custom-metrics adapter; none by
   * default.
   */
  public abstract Optional<CustomMetric> customMetric();

  @Value.Default
  public String apiImage() {
    return DEFAULT_API_IMAGE;
  }

  @Value.Default
  public String frontendImage() {
    return DEFAULT_FRONTEND_IMAGE;
  }

  @Value.Default
  public Resources apiResources() {
    return DEFAULT_API_RESOURCES;
  }

  @Value.Default
  public Resources frontendResources() {
    return DEFAULT_FRONTEND_RESOURCES;
  }

  /** The IngressClass of {@code countly.<domain>}; the cluster's default class when empty. */
  public abstract Optional<String> ingressClass();

  /**
   * Whether the setup Job creates Countly's first admin user (password drawn per demo, in the
   * Secret {@code countly-admin}) and an app named after the demo, and stores the app's keys in the
   * Secret {@code countly-keys} for {@code wrk(url).countlyApp()}.
   */
  @Value.Default
  public boolean setup() {
    return DEFAULT_SETUP;
  }

  /**
   * The same Countly with its setup Job or without it (then create the first user in the dashboard
   * yourself).
   */
  public Countly setup(boolean setup) {
    return ImmutableCountly.copyOf(this).copyWithSetup(setup);
  }

  public Countly replicas(int replicas) {
    return ImmutableCountly.copyOf(this)
        .copyWithReplicas(Check.between("replicas", replicas, 2, 100));
  }

  public Countly maxReplicas(int maxReplicas) {
    return ImmutableCountly.copyOf(this)
        .copyWithMaxReplicas(Check.between("maxReplicas", maxReplicas, 2, 100));
  }

  public Countly cpuTargetPercent(int percent) {
    return ImmutableCountly.copyOf(this)
        .copyWithCpuTargetPercent(Check.between("cpuTargetPercent", percent, 10, 100));
  }

  /**
   * The autoscaler removes replicas only after the load has stayed low this long (1 second to 1
   * hour, whole seconds; 5 minutes by default): short in tests and demos, long where load comes in
   * bursts.
   */
  public Countly scaleDownStabilization(Duration window) {
    return ImmutableCountly.copyOf(this)
        .copyWithScaleDownStabilization(
            Check.between(
                "scaleDownStabilization", window, Duration.ofSeconds(1), Duration.ofHours(1)));
  }

  /**
   * The API also scales on a per-pod metric, e.g. {@code
   * customMetricAutoscaling("countly_requests_per_second", "50")}: the autoscaler adds pods while
   * the average exceeds {@code averageValue}. The metric must be served by a custom-metrics API
   * adapter (such as prometheus-adapter), which the demo does not install.
   */
  public Countly customMetricAutoscaling(String metric, String averageValue) {
    return ImmutableCountly.copyOf(this)
        .copyWithCustomMetric(new CustomMetric(metric, averageValue));
  }

  public Countly apiImage(String image) {
    return ImmutableCountly.copyOf(this).copyWithApiImage(Images.pinned("apiImage", image));
  }

  public Countly frontendImage(String image) {
    return ImmutableCountly.copyOf(this)
        .copyWithFrontendImage(Images.pinned("frontendImage", image));
  }

  public Countly apiResources(Resources resources) {
    return ImmutableCountly.copyOf(this)
        .copyWithApiResources(Check.notNull("apiResources", resources, "CPU and memory"));
  }

  public Countly frontendResources(Resources resources) {
    return ImmutableCountly.copyOf(this)
        .copyWithFrontendResources(Check.notNull("frontendResources", resources, "CPU and memory"));
  }

  public Countly ingressClass(String ingressClass) {
    return ImmutableCountly.copyOf(this)
        .copyWithIngressClass(Check.dnsSubdomain("ingressClass", ingressClass));
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public Set<Capability<?>> requires() {
    return Set.of(AppCapabilities.MONGODB);
  }

  @Override
  public Set<Capability<?>> provides() {
    return setup() ? Set.of(AppCapabilities.COUNTLY_APP) : Set.of();
  }

  @Override
  public <T> T provide(Capability<T> capability, DemoContext context) {
    return Provided.only(this, capability, AppCapabilities.COUNTLY_APP, CountlySetup::app);
  }

  /**
   * The metrics API for the autoscaler (and the custom metrics API when it follows a pod metric),
   * an IngressClass for {@code countly.<domain>}.
   */
  @Override
  public List<Need> needs() {
    var needs = new java.util.ArrayList<Need>();
    needs.add(ClusterNeeds.metricsApi());
    customMetric().ifPresent(metric -> needs.add(ClusterNeeds.customMetricsApi()));
    needs.add(ClusterNeeds.ingressClass(ingressClass()));
    return List.copyOf(needs);
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    Check.between("maxReplicas", maxReplicas(), replicas(), 100);
    return Map.of(
        Stage.APPLICATION,
        new CountlyObjects(this, context, context.require(AppCapabilities.MONGODB)).all());
  }

  @Override
  public String toString() {
    return describe();
  }
}
