package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.util.List;
import java.util.Map;

/**
 * The virtual network {@value AzureNames#VNET_CIDR} with a subnet for the masters and one for the
 * minions.
 */
final class Network {
  private final Arm arm;
  private final AzureNames names;
  private final ResourceIds ids;

  Network(Arm arm, AzureNames names, ResourceIds ids) {
    this.arm = arm;
    this.names = names;
    this.ids = ids;
  }

  void ensure() {
    arm.put(
        ids.virtualNetwork(),
        Arm.NETWORK_API,
        Arm.body(
            names.location(),
            Tags.of(names.cluster(), null),
            Map.of(
                "addressSpace", Map.of("addressPrefixes", List.of(AzureNames.VNET_CIDR)),
                "subnets",
                    List.of(
                        subnet(names.subnet(NodeRole.MASTER), AzureNames.MASTERS_SUBNET_CIDR),
                        subnet(names.subnet(NodeRole.MINION), AzureNames.MINIONS_SUBNET_CIDR)))));
  }

  private static Map<String, Object> subnet(String name, String prefix) {
    return Map.of("name", name, "properties", Map.of("addressPrefix", prefix));
  }
}
