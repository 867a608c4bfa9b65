package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Node objects of a simulated cluster, marked for kwok: masters tainted for the control plane,
 * minions spread over three zones so that topology spread constraints and anti-affinity have
 * something to spread over.
 */
final class SimulatedNodes {
  static final String KWOK_ANNOTATION = "kwok.x-k8s.io/node";
  static final List<String> ZONES = List.of("zone-a", "zone-b", "zone-c");

  private SimulatedNodes() {}

  static List<Node> of(ClusterSpec spec, LocalTarget target) {
    var nodes = new ArrayList<Node>();
    for (int i = 0; i < spec.masters(); i++) {
      nodes.add(node(spec.name() + "-master-" + i, i, true, target));
    }
    for (int i = 0; i < spec.minions(); i++) {
      nodes.add(node(spec.name() + "-minion-" + i, i, false, target));
    }
    return nodes;
  }

  private static Node node(String name, int index, boolean master, LocalTarget target) {
    var capacity =
        Map.of(
            "cpu", new Quantity(target.nodeCpu()),
            "memory", new Quantity(target.nodeMemory()),
            "pods", new Quantity(Integer.toString(target.nodePods())),
            "ephemeral-storage", new Quantity("100Gi"));
    var builder =
        new NodeBuilder()
            .withNewMetadata()
            .withName(name)
            .addToAnnotations(KWOK_ANNOTATION, "fake")
            .addToAnnotations("node.alpha.kubernetes.io/ttl", "0")
            .addToAnnotations(
                MetricsApi.RESOURCE_METRICS_PATH, MetricsApi.resourceMetricsPath(name))
            .addToLabels("kubernetes.io/hostname", name)
            .addToLabels("kubernetes.io/os", "linux")
            .addToLabels("kubernetes.io/arch", "amd64")
            .addToLabels("topology.kubernetes.io/zone", ZONES.get(index % ZONES.size()))
            .addToLabels("type", "kwok")
            .addToLabels(
                master ? "node-role.kubernetes.io/control-plane" : "node-role.kubernetes.io/minion",
                "")
            .endMetadata()
            .withNewSpec()
            .endSpec()
            .withNewStatus()
            .withCapacity(capacity)
            .withAllocatable(capacity)
            .endStatus();
    if (master) {
      builder
          .editSpec()
          .addNewTaint()
          .withKey("node-role.kubernetes.io/control-plane")
          .withEffect("NoSchedule")
          .endTaint()
          .endSpec();
    }
    return builder.build();
  }
}
