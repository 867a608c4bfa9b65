package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.util.ArrayList;

/**
 * What a simulated cluster consists of: five or six local processes and the simulated nodes; none
 * of it costs anything.
 */
public final class SimulatedPlan {
  private SimulatedPlan() {}

  public static ProvisioningPlan of(ClusterSpec spec, LocalTarget target) {
    var resources = new ArrayList<PlannedResource>();
    var version = "v" + KubernetesBinaries.KUBERNETES_VERSION;
    resources.add(
        PlannedResource.free(
            "process",
            "etcd",
            "v" + KubernetesBinaries.ETCD_VERSION + ", data on tmpfs, 127.0.0.1"));
    resources.add(
        PlannedResource.free(
            "process", "kube-apiserver", version + ", 127.0.0.1, RBAC, Pod Security admission"));
    resources.add(PlannedResource.free("process", "kube-controller-manager", version));
    resources.add(PlannedResource.free("process", "kube-scheduler", version));
    resources.add(
        PlannedResource.free(
            "process",
            "kwok",
            "v" + KubernetesBinaries.KWOK_VERSION + ", simulates the nodes' kubelets"));
    if (target.metrics()) {
      resources.add(
          PlannedResource.free(
              "process",
              "metrics-server",
              "v"
                  + KubernetesBinaries.METRICS_SERVER_VERSION
                  + ", metrics.k8s.io from kwok's simulated usage, 127.0.0.1"));
    }
    var capacity =
        target.nodeCpu()
            + " CPU, "
            + target.nodeMemory()
            + " memory, "
            + target.nodePods()
            + " pods";
    SimulatedNodes.of(spec, target)
        .forEach(
            node ->
                resources.add(
                    PlannedResource.free(
                        "simulated node",
                        node.getMetadata().getName(),
                        capacity
                            + ", "
                            + node.getMetadata().getLabels().get("topology.kubernetes.io/zone")
                            + (node.getSpec().getTaints() == null
                                    || node.getSpec().getTaints().isEmpty()
                                ? ""
                                : ", control plane"))));
    return new ProvisioningPlan(
        "local", target.describe(), spec.name(), resources, "your own machine: no charge");
  }
}
