package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.Network;
import com.google.cloud.compute.v1.Subnetwork;

/**
 * The VPC network (no automatic subnetworks), its regional subnetwork and the cluster's firewall
 * rules.
 */
final class NetworkSteps {
  private final GcpClients gcp;
  private final GcpNames names;

  NetworkSteps(GcpClients gcp, GcpNames names) {
    this.gcp = gcp;
    this.names = names;
  }

  String networkLink() {
    return Links.network(gcp.project, names.network());
  }

  String subnetworkLink() {
    return Links.subnetwork(gcp.project, gcp.region, names.subnetwork());
  }

  void ensureNetwork() {
    if (Operations.find(() -> gcp.networks.get(gcp.project, names.network())).isEmpty()) {
      var network =
          Network.newBuilder()
              .setName(names.network())
              .setAutoCreateSubnetworks(false)
              .setDescription("cncfdemo cluster " + names.cluster())
              .build();
      Operations.insert(
          "create network " + names.network(),
          () -> gcp.networks.insertAsync(gcp.project, network));
    }
    if (Operations.find(() -> gcp.subnetworks.get(gcp.project, gcp.region, names.subnetwork()))
        .isEmpty()) {
      var subnetwork =
          Subnetwork.newBuilder()
              .setName(names.subnetwork())
              .setNetwork(networkLink())
              .setRegion(gcp.region)
              .setIpCidrRange(GcpNames.SUBNET_CIDR)
              .setDescription("cncfdemo cluster " + names.cluster())
              .build();
      Operations.insert(
          "create subnetwork " + names.subnetwork(),
          () -> gcp.subnetworks.insertAsync(gcp.project, gcp.region, subnetwork));
    }
  }

  void ensureFirewalls(String apiAccessCidr) {
    for (var rule : Firewalls.of(names, networkLink(), apiAccessCidr)) {
      if (Operations.find(() -> gcp.firewalls.get(gcp.project, rule.getName())).isEmpty()) {
        Operations.insert(
            "create firewall rule " + rule.getName(),
            () -> gcp.firewalls.insertAsync(gcp.project, rule));
      }
    }
  }
}
