package io.cncfdemo.apps.internal;

import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.AffinityBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts every pod of a demo shares: priority, security context, no service-account token or
 * service links.
 */
public final class PodSpecs {
  private PodSpecs() {}

  /**
   * A pod at {@code priorityClass} that runs as {@code user}; without the API token (only
   * Prometheus talks to the API server) and without the legacy service environment variables.
   */
  public static PodSpecBuilder base(String priorityClass, long user) {
    return new PodSpecBuilder()
        .withPriorityClassName(priorityClass)
        .withSecurityContext(Hardening.pod(user))
        .withAutomountServiceAccountToken(false)
        .withEnableServiceLinks(false);
  }

  /**
   * A pod template with these labels and annotations (in name order, so that the output is stable).
   */
  public static PodTemplateSpec template(
      Map<String, String> labels, Map<String, String> annotations, PodSpec spec) {
    // built around the spec, not through a builder, which would copy the whole pod spec twice
    var template = new PodTemplateSpec();
    template.setMetadata(
        new ObjectMetaBuilder()
            .withLabels(labels)
            .withAnnotations(annotations.isEmpty() ? null : new TreeMap<>(annotations))
            .build());
    template.setSpec(spec);
    return template;
  }

  /**
   * Prefers to place pods of {@code selector} on different nodes, without refusing to schedule when
   * it cannot.
   */
  public static Affinity spreadOverNodes(Map<String, String> selector) {
    return new AffinityBuilder()
        .withNewPodAntiAffinity()
        .addNewPreferredDuringSchedulingIgnoredDuringExecution()
        .withWeight(100)
        .withNewPodAffinityTerm()
        .withNewLabelSelector()
        .withMatchLabels(selector)
        .endLabelSelector()
        .withTopologyKey("kubernetes.io/hostname")
        .endPodAffinityTerm()
        .endPreferredDuringSchedulingIgnoredDuringExecution()
        .endPodAntiAffinity()
        .build();
  }

  /** The annotations that let the demo's Prometheus scrape a pod. */
  public static Map<String, String> scrape(int port, String path) {
    return Map.of(
        "prometheus.io/scrape",
        "true",
        "prometheus.io/port",
        String.valueOf(port),
        "prometheus.io/path",
        path);
  }
}
