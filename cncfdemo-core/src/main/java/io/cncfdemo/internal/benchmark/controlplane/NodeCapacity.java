package io.cncfdemo.internal.benchmark.controlplane;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Optional;

/**
 * The schedulable node with the most CPU not yet requested by its pods, for the preemption
 * measurement.
 */
final class NodeCapacity {
  /** A node's name, its {@code kubernetes.io/hostname} label and its free CPU in millicores. */
  record Free(String node, String hostname, long millicores) {}

  private NodeCapacity() {}

  static Optional<Free> mostFree(KubernetesClient client) {
    return client.nodes().list().getItems().stream()
        .filter(NodeCapacity::schedulable)
        .map(
            node ->
                new Free(
                    node.getMetadata().getName(),
                    node.getMetadata()
                        .getLabels()
                        .getOrDefault("kubernetes.io/hostname", node.getMetadata().getName()),
                    millicores(node.getStatus().getAllocatable().get("cpu"))
                        - requested(client, node.getMetadata().getName())))
        .max(Comparator.comparingLong(Free::millicores));
  }

  private static boolean schedulable(Node node) {
    var spec = node.getSpec();
    boolean tainted =
        spec.getTaints() != null
            && spec.getTaints().stream()
                .anyMatch(
                    taint ->
                        "NoSchedule".equals(taint.getEffect())
                            || "NoExecute".equals(taint.getEffect()));
    boolean ready =
        node.getStatus() != null
            && node.getStatus().getConditions() != null
            && node.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    return ready
        && !tainted
        && !Boolean.TRUE.equals(spec.getUnschedulable())
        && node.getStatus().getAllocatable() != null
        && node.getStatus().getAllocatable().containsKey("cpu");
  }

  private static long requested(KubernetesClient client, String node) {
    return client
        .pods()
        .inAnyNamespace()
        .withField("spec.nodeName", node)
        .list()
        .getItems()
        .stream()
        .filter(
            pod ->
                pod.getStatus() == null
                    || !("Succeeded".equals(pod.getStatus().getPhase())
                        || "Failed".equals(pod.getStatus().getPhase())))
        .mapToLong(NodeCapacity::cpuRequest)
        .sum();
  }

  private static long cpuRequest(Pod pod) {
    return pod.getSpec().getContainers().stream()
        .map(
            container ->
                container.getResources() == null || container.getResources().getRequests() == null
                    ? null
                    : container.getResources().getRequests().get("cpu"))
        .mapToLong(NodeCapacity::millicores)
        .sum();
  }

  static long millicores(Quantity quantity) {
    if (quantity == null) {
      return 0;
    }
    return Quantity.getAmountInBytes(quantity).multiply(BigDecimal.valueOf(1000)).longValue();
  }
}
