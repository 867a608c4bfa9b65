package io.cncfdemo.azure.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The network security group of every node's NIC: SSH and the API server only from {@code
 * apiAccessCidr}, as {@code aws()} allows; the network's own traffic (kubelet, etcd, the load
 * balancer's backends) and Calico's VXLAN (Azure's fabric drops IPIP, Calico's default
 * encapsulation). Azure's default rules deny all other inbound traffic.
 */
final class SecurityRules {
  static final int SSH_PORT = 22;
  static final int API_PORT = 6443;
  static final int VXLAN_PORT = 4789;
  static final String VIRTUAL_NETWORK = "VirtualNetwork";

  private final Arm arm;
  private final AzureNames names;
  private final ResourceIds ids;

  SecurityRules(Arm arm, AzureNames names, ResourceIds ids) {
    this.arm = arm;
    this.names = names;
    this.ids = ids;
  }

  void ensure(String apiAccessCidr) {
    arm.put(
        ids.securityGroup(),
        Arm.NETWORK_API,
        Arm.body(
            names.location(),
            Tags.of(names.cluster(), null),
            Map.of("securityRules", rules(apiAccessCidr))));
  }

  static List<Map<String, Object>> rules(String apiAccessCidr) {
    return List.of(
        rule("allow-ssh-from-admin", 100, "Tcp", apiAccessCidr, String.valueOf(SSH_PORT)),
        rule("allow-api-from-admin", 110, "Tcp", apiAccessCidr, String.valueOf(API_PORT)),
        rule("allow-calico-vxlan", 120, "Udp", VIRTUAL_NETWORK, String.valueOf(VXLAN_PORT)),
        rule("allow-intra-vnet", 130, "*", VIRTUAL_NETWORK, "*"));
  }

  private static Map<String, Object> rule(
      String name, int priority, String protocol, String source, String port) {
    var properties = new LinkedHashMap<String, Object>();
    properties.put("priority", priority);
    properties.put("direction", "Inbound");
    properties.put("access", "Allow");
    properties.put("protocol", protocol);
    properties.put("sourceAddressPrefix", source);
    properties.put("sourcePortRange", "*");
    properties.put(
        "destinationAddressPrefix", source.equals(VIRTUAL_NETWORK) ? VIRTUAL_NETWORK : "*");
    properties.put("destinationPortRange", port);
    return Map.of("name", name, "properties", properties);
  }
}
