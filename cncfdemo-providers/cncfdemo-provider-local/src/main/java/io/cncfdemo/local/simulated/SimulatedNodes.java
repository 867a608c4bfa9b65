package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.NodeConditionBuilder;
import io.fabric8.kubernetes.api.model.NodeDaemonEndpointsBuilder;
import io.fabric8.kubernetes.api.model.NodeSystemInfoBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

  /**
   * The nodes as a kubelet registers its node: with its status — Ready, no pressure, addresses, the
   * kubelet's port (kwok's server) and node info — so that a node is Ready when it is created and
   * kwok only keeps its lease (kwok's node Stage writes the same status for a node that lacks it).
   */
  static List<Node> registered(ClusterSpec spec, LocalTarget target, int kubeletPort) {
    var now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    var nodes = of(spec, target);
    nodes.forEach(node -> ready(node, now, kubeletPort));
    return nodes;
  }

  private static void ready(Node node, String now, int kubeletPort) {
    var conditions = new ArrayList<NodeCondition>();
    conditions.add(condition("Ready", "True", "KubeletReady", now));
    for (var type :
        List.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable")) {
      conditions.add(condition(type, "False", "Simulated", now));
    }
    var version = "v" + KubernetesBinaries.KUBERNETES_VERSION;
    node.getStatus().setConditions(conditions);
    node.getStatus()
        .setAddresses(
            List.of(
                new NodeAddress("127.0.0.1", "InternalIP"),
                new NodeAddress(node.getMetadata().getName(), "Hostname")));
    node.getStatus()
        .setDaemonEndpoints(
            new NodeDaemonEndpointsBuilder().withNewKubeletEndpoint(kubeletPort).build());
    node.getStatus()
        .setNodeInfo(
            new NodeSystemInfoBuilder()
                .withArchitecture("amd64")
                .withOperatingSystem("linux")
                .withOsImage("cncfdemo simulated node")
                .withKernelVersion("simulated")
                .withContainerRuntimeVersion("kwok://simulated")
                .withKubeletVersion(version)
                .withKubeProxyVersion(version)
                .withBootID("")
                .withMachineID("")
                .withSystemUUID("")
                .build());
    node.getStatus().setPhase("Running");
  }

  private static NodeCondition condition(String type, String status, String reason, String now) {
    return new NodeConditionBuilder()
        .withType(type)
        .withStatus(status)
        .withReason(reason)
        .withMessage("simulated by kwok for cncfdemo")
        .withLastHeartbeatTime(now)
        .withLastTransitionTime(now)
        .build();
  }

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
