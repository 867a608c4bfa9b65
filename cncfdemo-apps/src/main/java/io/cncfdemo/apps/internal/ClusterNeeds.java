package io.cncfdemo.apps.internal;

import io.cncfdemo.component.Need;
import java.util.Optional;

/** What the apps need of a cluster, each with the fix a user reads when the cluster lacks it. */
public final class ClusterNeeds {
  static final String VOLUMES_FIX = "add localPathStorage() or pass .storageClass(\"gp3\")";
  static final String METRICS_FIX = "add metricsServer() to the demo";
  static final String CUSTOM_METRICS_FIX =
      "install a custom metrics adapter (prometheus-adapter) or drop customMetricAutoscaling(..)";
  static final String INGRESS_FIX = "add ingressNginx() to the demo or pass .ingressClass(..)";

  private ClusterNeeds() {}

  /** Volumes of this StorageClass, or of the cluster's default one. */
  public static Need volumes(Optional<String> storageClass) {
    return Need.volumes(storageClass, VOLUMES_FIX);
  }

  /** The resource metrics API, for a HorizontalPodAutoscaler on CPU. */
  public static Need metricsApi() {
    return Need.metricsApi(METRICS_FIX);
  }

  /** The custom metrics API, for a HorizontalPodAutoscaler on a pod metric. */
  public static Need customMetricsApi() {
    return Need.customMetricsApi(CUSTOM_METRICS_FIX);
  }

  /** An IngressClass of this name, or the cluster's default one. */
  public static Need ingressClass(Optional<String> ingressClass) {
    return Need.ingressClass(ingressClass, INGRESS_FIX);
  }
}
