package io.cncfdemo.component;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import java.util.Objects;
import java.util.Optional;

/**
 * What a component needs of the cluster it is deployed on — volumes, the metrics API, an ingress
 * class — with what a user does when the cluster lacks it. {@code Demo...deployTo(cluster)} checks
 * every need against the cluster's capabilities before it applies anything.
 *
 * @param feature what is needed
 * @param className the StorageClass or IngressClass named; empty for the cluster's default
 * @param fix what a user does when the cluster lacks it, e.g. {@code "add metricsServer() to the
 *     demo"}
 */
public record Need(ClusterFeature feature, Optional<String> className, String fix) {

  public Need {
    Objects.requireNonNull(feature, "feature");
    Objects.requireNonNull(className, "className");
    fix = Check.notBlank("fix", fix);
    if (className.isPresent()
        && feature != ClusterFeature.STORAGE
        && feature != ClusterFeature.INGRESS) {
      throw new InvalidInputException(
          "className", className.get(), "empty: only STORAGE and INGRESS needs name a class");
    }
  }

  /** Volumes of this StorageClass, or of the cluster's default one when empty. */
  public static Need volumes(Optional<String> storageClass, String fix) {
    return new Need(ClusterFeature.STORAGE, storageClass, fix);
  }

  /** The resource metrics API, e.g. for a HorizontalPodAutoscaler on CPU. */
  public static Need metricsApi(String fix) {
    return new Need(ClusterFeature.METRICS_API, Optional.empty(), fix);
  }

  /** The custom metrics API, e.g. for a HorizontalPodAutoscaler on a pod metric. */
  public static Need customMetricsApi(String fix) {
    return new Need(ClusterFeature.CUSTOM_METRICS_API, Optional.empty(), fix);
  }

  /** An IngressClass of this name, or the cluster's default one when empty. */
  public static Need ingressClass(Optional<String> ingressClass, String fix) {
    return new Need(ClusterFeature.INGRESS, ingressClass, fix);
  }
}
