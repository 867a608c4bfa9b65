package io.cncfdemo.component;

/**
 * Something a cluster offers its workloads, which a component may {@link Component#needs() need}
 * and a cluster add-on may {@link Component#adds() add}.
 */
public enum ClusterFeature {
  /** Volumes of a StorageClass: the cluster's default class, or one named. */
  STORAGE("a default StorageClass"),
  /** The resource metrics API ({@code metrics.k8s.io}) that HorizontalPodAutoscalers read. */
  METRICS_API("a metrics API (APIService v1beta1.metrics.k8s.io)"),
  /** The custom metrics API ({@code custom.metrics.k8s.io}), for autoscaling on pod metrics. */
  CUSTOM_METRICS_API("a custom metrics API (APIService v1beta1.custom.metrics.k8s.io)"),
  /** An IngressClass whose controller serves Ingresses: the cluster's default, or one named. */
  INGRESS("a default IngressClass");

  private final String description;

  ClusterFeature(String description) {
    this.description = description;
  }

  /** What it is, with its article, for messages: {@code "a default StorageClass"}. */
  public String description() {
    return description;
  }
}
