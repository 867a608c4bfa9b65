package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * The name of every resource of one cluster, derived from its name and location alone, so that a
 * fresh JVM finds what another one made. Everything lives in the cluster's own resource group,
 * {@code cncfdemo-<cluster>-<location>}.
 *
 * @param cluster the cluster name, an RFC 1123 label
 * @param location the Azure location, e.g. {@code westeurope}
 */
public record AzureNames(String cluster, String location) {
  /** The virtual network's range; masters and minions have a subnet each. */
  public static final String VNET_CIDR = "10.0.0.0/16";

  public static final String MASTERS_SUBNET_CIDR = "10.0.0.0/24";
  public static final String MINIONS_SUBNET_CIDR = "10.0.16.0/20";

  /**
   * The load balancer's static frontend, the address of {@code masters.<cluster>.k8s}; outside the
   * dynamic range in use.
   */
  public static final String API_ADDRESS = "10.0.0.250";

  private static final String CLOUD = "cloud";

  public String resourceGroup() {
    return "cncfdemo-" + cluster + "-" + location;
  }

  public String identity(NodeRole role) {
    return cluster + "-" + role.plural();
  }

  /**
   * The identity the cloud's add-ons (the Azure Disk CSI driver's controller) use from the masters,
   * {@code <cluster>-cloud}.
   */
  public String cloudIdentity() {
    return cluster + "-cloud";
  }

  /**
   * A role assignment's name: a GUID derived from what it grants, so that a second create finds the
   * first one's.
   */
  public String roleAssignment(NodeRole role, String roleDefinitionId) {
    return roleAssignment(role.tag(), roleDefinitionId);
  }

  /** The role assignment's name for the cloud's identity ({@link #cloudIdentity()}). */
  public String cloudRoleAssignment(String roleDefinitionId) {
    return roleAssignment(CLOUD, roleDefinitionId);
  }

  private String roleAssignment(String holder, String roleDefinitionId) {
    return UUID.nameUUIDFromBytes(
            (resourceGroup() + "/" + holder + "/" + roleDefinitionId)
                .getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  public String virtualNetwork() {
    return cluster + "-vnet";
  }

  public String subnet(NodeRole role) {
    return role.plural();
  }

  public String securityGroup() {
    return cluster + "-nodes";
  }

  public String loadBalancer() {
    return cluster + "-api";
  }

  /** The private DNS zone, {@code <cluster>.k8s}. */
  public String zone() {
    return cluster + ".k8s";
  }

  public String zoneLink() {
    return cluster + "-vnet";
  }

  /**
   * The record listing the masters, {@code masters.<cluster>.k8s}: the load balancer's frontend.
   */
  public String mastersRecord() {
    return "masters." + zone();
  }

  /** The record listing the minions, {@code minions.<cluster>.k8s}. */
  public String minionsRecord() {
    return "minions." + zone();
  }

  public String scaleSet(NodeRole role) {
    return cluster + "-" + role.plural();
  }
}
