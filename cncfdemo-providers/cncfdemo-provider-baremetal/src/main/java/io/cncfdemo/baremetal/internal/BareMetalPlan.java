package io.cncfdemo.baremetal.internal;

import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code create()} would install and start on each host, and what the hosts cost: nothing, or
 * the price per host-hour the target declares. Reads nothing and connects nowhere.
 */
public final class BareMetalPlan {
  private BareMetalPlan() {}

  public static ProvisioningPlan of(ClusterLayout layout, Path kubeconfig) {
    var target = layout.target();
    var version = layout.spec().kubernetesVersion();
    var source =
        !target.downloads()
            ? "uploaded from this machine"
            : target
                .mirror()
                .map(url -> "downloaded by the host from " + url)
                .orElse("downloaded by the host from dl.k8s.io and GitHub releases");
    var resources = new ArrayList<PlannedResource>();
    for (var node : layout.nodes()) {
      var host = node.address();
      var login =
          target.userOf(node.host())
              + "@"
              + host
              + ":"
              + target.portOf(node.host())
              + target.bastion().map(bastion -> " via " + bastion.describe()).orElse("");
      resources.add(
          new PlannedResource(
              "host", host, node.role().label() + ", ssh " + login, target.hourlyCost()));
      if (node.isMaster()) {
        resources.add(
            PlannedResource.free(
                "install",
                host + ":" + Layout.BIN,
                "etcd, kube-apiserver, kube-controller-manager, kube-scheduler (Kubernetes "
                    + version
                    + "), "
                    + source));
        if (node.index() == 0) {
          resources.add(
              PlannedResource.free(
                  "files",
                  host + ":" + Layout.PKI,
                  "cluster, etcd and front-proxy CAs (openssl on the host; the keys stay there),"
                      + " certificates"));
        }
        resources.add(
            PlannedResource.free(
                "service", host + ":etcd", "ports 2379, 2380; data in " + Layout.ETCD_DATA));
        resources.add(
            PlannedResource.free(
                "service",
                host + ":kube-apiserver",
                "port " + ClusterLayout.API_PORT + ", services " + ClusterLayout.SERVICE_CIDR));
        resources.add(
            PlannedResource.free(
                "service", host + ":kube-controller-manager", "port 10257 (localhost)"));
        resources.add(
            PlannedResource.free("service", host + ":kube-scheduler", "port 10259 (localhost)"));
      } else {
        resources.add(
            PlannedResource.free(
                "install",
                host + ":" + Layout.BIN,
                "containerd, containerd-shim-runc-v2, ctr,"
                    + " runc, kubelet, kube-proxy (Kubernetes "
                    + version
                    + "); CNI bridge, host-local, loopback, portmap; "
                    + source));
        if (!target.images().isEmpty()) {
          resources.add(
              PlannedResource.free(
                  "images",
                  host,
                  target.images().size() + " image archive(s) imported into" + " containerd"));
        }
        resources.add(
            PlannedResource.free(
                "service",
                host + ":containerd",
                "runc, cgroupfs or systemd cgroups as the" + " host has them"));
        resources.add(
            PlannedResource.free("service", host + ":kubelet", "port 10250, node " + host));
        resources.add(
            PlannedResource.free("service", host + ":kube-proxy", "iptables mode, port 10256"));
        resources.add(
            PlannedResource.free(
                "network",
                host + ":" + Layout.BRIDGE,
                "pod subnet " + node.podSubnet() + ", routes to the other minions' pod subnets"));
      }
    }
    resources.add(
        PlannedResource.free(
            "file",
            "every host:/etc/hosts",
            layout.mastersName() + " -> " + layout.firstMaster().address()));
    resources.add(
        PlannedResource.free("file", "this machine:" + kubeconfig, "admin kubeconfig, mode 0600"));
    return new ProvisioningPlan(
        "baremetal",
        target.describe(),
        layout.spec().name(),
        List.copyOf(resources),
        priceSource(layout));
  }

  private static String priceSource(ClusterLayout layout) {
    var cost = layout.target().hourlyCost();
    return cost.signum() == 0
        ? "your own servers: no price declared (bareMetal(...).hourlyCost(usdPerHostHour) sets one)"
        : "your declared price: " + cost.toPlainString() + " USD per host-hour";
  }
}
