package io.cncfdemo.cli.common;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;

/**
 * Counts a cluster's nodes: all of them, the Ready ones, and the workers (those without a
 * control-plane role).
 */
public final class Nodes {
  private static final String CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

  private Nodes() {}

  public static int workers(KubernetesClient client) {
    return (int)
        client.nodes().list().getItems().stream()
            .filter(
                node ->
                    node.getMetadata().getLabels() == null
                        || !node.getMetadata().getLabels().containsKey(CONTROL_PLANE))
            .count();
  }

  public static long ready(List<Node> nodes) {
    return nodes.stream()
        .filter(
            node ->
                node.getStatus() != null
                    && node.getStatus().getConditions() != null
                    && node.getStatus().getConditions().stream()
                        .anyMatch(
                            condition ->
                                "Ready".equals(condition.getType())
                                    && "True".equals(condition.getStatus())))
        .count();
  }
}
