package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.resources.models.Sku;
import io.cncfdemo.bootstrap.NodeRole;
import java.util.List;
import java.util.Map;

/**
 * The internal Standard load balancer in front of every master's API server: a static frontend
 * ({@value AzureNames#API_ADDRESS}, the address of {@code masters.<cluster>.k8s}), the masters'
 * backend pool, a TCP probe and a rule for port {@value SecurityRules#API_PORT}. Azure's internal
 * load balancer does not send a backend's own traffic back to it, so masters resolve their own name
 * to 127.0.0.1 once their API server runs (platform.sh).
 */
final class ApiLoadBalancer {
  static final String FRONTEND = "api";
  static final String POOL = "masters";
  static final String PROBE = "api-server";
  static final String RULE = "api-server";

  private final Arm arm;
  private final AzureNames names;
  private final ResourceIds ids;

  ApiLoadBalancer(Arm arm, AzureNames names, ResourceIds ids) {
    this.arm = arm;
    this.names = names;
    this.ids = ids;
  }

  void ensure() {
    var body =
        Arm.body(
            names.location(),
            Tags.of(names.cluster(), NodeRole.MASTER),
            Map.of(
                "frontendIPConfigurations",
                    List.of(
                        Map.of(
                            "name",
                            FRONTEND,
                            "properties",
                            Map.of(
                                "privateIPAddress",
                                AzureNames.API_ADDRESS,
                                "privateIPAllocationMethod",
                                "Static",
                                "subnet",
                                Map.of("id", ids.subnet(NodeRole.MASTER))))),
                "backendAddressPools", List.of(Map.of("name", POOL)),
                "probes",
                    List.of(
                        Map.of(
                            "name",
                            PROBE,
                            "properties",
                            Map.of(
                                "protocol",
                                "Tcp",
                                "port",
                                SecurityRules.API_PORT,
                                "intervalInSeconds",
                                5,
                                "numberOfProbes",
                                2))),
                "loadBalancingRules",
                    List.of(
                        Map.of(
                            "name",
                            RULE,
                            "properties",
                            Map.of(
                                "frontendIPConfiguration",
                                Map.of(
                                    "id",
                                    ids.loadBalancerPart("frontendIPConfigurations", FRONTEND)),
                                "backendAddressPool",
                                Map.of("id", backendPool()),
                                "probe",
                                Map.of("id", ids.loadBalancerPart("probes", PROBE)),
                                "protocol",
                                "Tcp",
                                "frontendPort",
                                SecurityRules.API_PORT,
                                "backendPort",
                                SecurityRules.API_PORT,
                                "idleTimeoutInMinutes",
                                30)))));
    body.withSku(new Sku().withName("Standard").withTier("Regional"));
    arm.put(ids.loadBalancer(), Arm.NETWORK_API, body);
  }

  String backendPool() {
    return ids.loadBalancerPart("backendAddressPools", POOL);
  }
}
