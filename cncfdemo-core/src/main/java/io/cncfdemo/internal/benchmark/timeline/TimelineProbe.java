package io.cncfdemo.internal.benchmark.timeline;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One look at the scaled Deployment through the Kubernetes API: its HPA's desired replicas and CPU
 * target, its ready replicas, its pods' CPU in the resource metrics API, and the background pods
 * running. Each read that fails leaves its figure out of the look rather than failing it.
 */
final class TimelineProbe {
  /** The label BOINC's pods carry. */
  static final Map<String, String> BACKGROUND = Map.of("app.kubernetes.io/name", "boinc");

  private final KubernetesClient client;
  private final String namespace;
  private final String deployment;

  /** What one look saw. */
  record Look(
      int desiredReplicas,
      int readyReplicas,
      OptionalDouble cpuMillicoresPerReplica,
      OptionalDouble cpuPercentPerReplica,
      OptionalDouble cpuTargetPercent,
      int backgroundPodsRunning) {}

  TimelineProbe(KubernetesClient client, String namespace, String deployment) {
    this.client = client;
    this.namespace = namespace;
    this.deployment = deployment;
  }

  Look look() {
    var found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    var hpa = hpa();
    int ready =
        found == null || found.getStatus() == null
            ? 0
            : orZero(found.getStatus().getReadyReplicas());
    // an HPA that has not computed yet says 0, which no HPA asks for (its minimum is at least 1)
    int desired =
        hpa.filter(h -> h.getStatus() != null && orZero(h.getStatus().getDesiredReplicas()) > 0)
            .map(h -> h.getStatus().getDesiredReplicas())
            .orElse(
                found == null || found.getSpec() == null
                    ? 0
                    : orZero(found.getSpec().getReplicas()));
    var millicores = found == null ? OptionalDouble.empty() : cpuPerPod(found);
    var request = found == null ? OptionalDouble.empty() : cpuRequest(found);
    var percent =
        millicores.isPresent() && request.isPresent() && request.getAsDouble() > 0
            ? OptionalDouble.of(100 * millicores.getAsDouble() / request.getAsDouble())
            : OptionalDouble.empty();
    return new Look(
        desired,
        ready,
        millicores,
        percent,
        hpa.map(TimelineProbe::cpuTarget).orElse(OptionalDouble.empty()),
        backgroundRunning());
  }

  private Optional<HorizontalPodAutoscaler> hpa() {
    try {
      return Optional.ofNullable(
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace(namespace)
              .withName(deployment)
              .get());
    } catch (KubernetesClientException e) {
      return Optional.empty();
    }
  }

  private static OptionalDouble cpuTarget(HorizontalPodAutoscaler hpa) {
    if (hpa.getSpec() == null || hpa.getSpec().getMetrics() == null) {
      return OptionalDouble.empty();
    }
    return hpa.getSpec().getMetrics().stream()
        .map(MetricSpec::getResource)
        .filter(Objects::nonNull)
        .filter(resource -> "cpu".equals(resource.getName()) && resource.getTarget() != null)
        .map(resource -> resource.getTarget().getAverageUtilization())
        .filter(Objects::nonNull)
        .mapToDouble(Integer::doubleValue)
        .findFirst();
  }

  /** How many of the Deployment's pods the metrics API reports. */
  int podsWithMetrics() {
    var found = client.apps().deployments().inNamespace(namespace).withName(deployment).get();
    return found == null ? 0 : metrics(found).size();
  }

  private List<PodMetrics> metrics(Deployment found) {
    var labels =
        found.getSpec().getSelector() == null
            ? null
            : found.getSpec().getSelector().getMatchLabels();
    if (labels == null || labels.isEmpty()) {
      return List.of();
    }
    try {
      return client
          .top()
          .pods()
          .inNamespace(namespace)
          .withLabels(labels)
          .metrics(namespace)
          .getItems();
    } catch (KubernetesClientException e) {
      return List.of();
    }
  }

  /** The mean CPU of the Deployment's pods that the metrics API has, in millicores. */
  private OptionalDouble cpuPerPod(Deployment found) {
    return metrics(found).stream()
        .mapToDouble(
            pod ->
                pod.getContainers().stream()
                    .mapToDouble(c -> millicores(c.getUsage().get("cpu")))
                    .sum())
        .average();
  }

  /** The CPU request of one pod of the Deployment, in millicores, summed over its containers. */
  private static OptionalDouble cpuRequest(Deployment found) {
    var template = found.getSpec().getTemplate();
    if (template == null || template.getSpec() == null) {
      return OptionalDouble.empty();
    }
    double sum = 0;
    for (var container : template.getSpec().getContainers()) {
      var resources = container.getResources();
      if (resources == null
          || resources.getRequests() == null
          || !resources.getRequests().containsKey("cpu")) {
        return OptionalDouble.empty();
      }
      sum += millicores(resources.getRequests().get("cpu"));
    }
    return OptionalDouble.of(sum);
  }

  private int backgroundRunning() {
    return (int)
        client.pods().inNamespace(namespace).withLabels(BACKGROUND).list().getItems().stream()
            .filter(TimelineProbe::running)
            .count();
  }

  static boolean running(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase());
  }

  static double millicores(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(1000)).doubleValue();
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
