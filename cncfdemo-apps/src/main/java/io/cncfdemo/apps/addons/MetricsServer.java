package io.cncfdemo.apps.addons;

import io.cncfdemo.apps.common.Imaged;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.apps.common.Sized;
import io.cncfdemo.apps.internal.Images;
import io.cncfdemo.component.ClusterFeature;
import io.cncfdemo.component.Component;
import io.cncfdemo.component.DemoContext;
import io.cncfdemo.component.Stage;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Durations;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * metrics-server, as its release manifest installs it in {@code kube-system}: the resource metrics
 * API ({@code metrics.k8s.io/v1beta1}) that the HorizontalPodAutoscaler of {@code countly()} and
 * {@code kubectl top} read. On kind and minikube the kubelets serve self-signed certificates:
 * {@link #kubeletInsecureTls(boolean)}.
 */
@CncfDemoValue
public abstract class MetricsServer
    implements Component, Imaged<MetricsServer>, Sized<MetricsServer> {
  public static final String NAME = "metrics-server";

  /** Where upstream installs it: the APIService names this namespace. */
  public static final String NAMESPACE = "kube-system";

  public static final String DEFAULT_IMAGE = "registry.k8s.io/metrics-server/metrics-server:v0.8.0";

  /** Upstream's requests (100m, 200Mi), with limits. */
  public static final Resources DEFAULT_RESOURCES =
      Resources.requests("100m", "200Mi").limits("1", "500Mi");

  public static final Duration DEFAULT_METRIC_RESOLUTION = Duration.ofSeconds(15);
  public static final boolean DEFAULT_KUBELET_INSECURE_TLS = false;
  static final Duration MIN_RESOLUTION = Duration.ofSeconds(10);
  static final Duration MAX_RESOLUTION = Duration.ofMinutes(5);

  MetricsServer() {}

  public static MetricsServer create() {
    return ImmutableMetricsServer.builder().build();
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

  /** How often metrics are scraped from the kubelets ({@code --metric-resolution}). */
  @Value.Default
  public Duration metricResolution() {
    return DEFAULT_METRIC_RESOLUTION;
  }

  /**
   * Whether the kubelets' serving certificates go unverified ({@code --kubelet-insecure-tls}):
   * needed where they are self-signed, as on kind and minikube; leave it off where kubelets have
   * certificates the cluster CA signed.
   */
  @Value.Default
  public boolean kubeletInsecureTls() {
    return DEFAULT_KUBELET_INSECURE_TLS;
  }

  @Override
  public MetricsServer image(String image) {
    return ImmutableMetricsServer.copyOf(this).copyWithImage(Images.pinned("image", image));
  }

  @Override
  public MetricsServer resources(Resources resources) {
    return ImmutableMetricsServer.copyOf(this)
        .copyWithResources(Check.notNull("resources", resources, "CPU and memory"));
  }

  /**
   * The same metrics-server, scraping every {@code resolution} (10 seconds to 5 minutes, in whole
   * seconds).
   */
  public MetricsServer metricResolution(Duration resolution) {
    Check.between("metricResolution", resolution, MIN_RESOLUTION, MAX_RESOLUTION);
    return ImmutableMetricsServer.copyOf(this).copyWithMetricResolution(resolution);
  }

  /**
   * The same metrics-server, verifying the kubelets' certificates or not ({@code true} for kind and
   * minikube).
   */
  public MetricsServer kubeletInsecureTls(boolean insecure) {
    return ImmutableMetricsServer.copyOf(this).copyWithKubeletInsecureTls(insecure);
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String describe() {
    return "metricsServer()";
  }

  /**
   * The server's arguments, as upstream's manifest has them, plus {@code --kubelet-insecure-tls}
   * when asked.
   */
  public List<String> arguments() {
    var args =
        new java.util.ArrayList<>(
            List.of(
                "--cert-dir=/tmp",
                "--secure-port=" + MetricsServerObjects.PORT,
                "--kubelet-preferred-address-types=InternalIP,ExternalIP,Hostname",
                "--kubelet-use-node-status-port",
                "--metric-resolution=" + Durations.format(metricResolution())));
    if (kubeletInsecureTls()) {
      args.add("--kubelet-insecure-tls");
    }
    return List.copyOf(args);
  }

  /** The metrics API: this add-on joins a demo whose cluster has none. */
  @Override
  public Set<ClusterFeature> adds() {
    return Set.of(ClusterFeature.METRICS_API);
  }

  @Override
  public Map<Stage, List<HasMetadata>> objects(DemoContext context) {
    return Map.of(Stage.FOUNDATION, MetricsServerObjects.all(this, context));
  }

  @Override
  public String toString() {
    return describe();
  }
}
