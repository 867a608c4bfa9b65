package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code create()} makes, in its order, with a cost estimate from the shipped {@link
 * PriceTable}: the VMs of the scale sets, their Standard SSD OS disks and Standard public IPs, the
 * Standard load balancer and the private DNS zone; everything else (resource group, identities,
 * role assignments, network, NSG, links, records, the Azure Disk CSI driver and its StorageClass)
 * costs nothing by itself. No Azure call.
 */
public final class AzurePlan {
  /** Plan kinds, one per Azure resource type create() makes. */
  public static final String RESOURCE_GROUP = "ResourceGroup";

  public static final String IDENTITY = "UserAssignedIdentity";
  public static final String ROLE_ASSIGNMENT = "RoleAssignment";
  public static final String VIRTUAL_NETWORK = "VirtualNetwork";
  public static final String SUBNET = "Subnet";
  public static final String SECURITY_GROUP = "NetworkSecurityGroup";
  public static final String LOAD_BALANCER = "LoadBalancer";
  public static final String DNS_ZONE = "PrivateDnsZone";
  public static final String DNS_LINK = "VirtualNetworkLink";
  public static final String SCALE_SET = "VirtualMachineScaleSet";
  public static final String VIRTUAL_MACHINE = "VirtualMachine";
  public static final String DISK = "ManagedDisk";
  public static final String PUBLIC_IP = "PublicIPAddress";
  public static final String NETWORK_INTERFACE = "NetworkInterface";
  public static final String DNS_RECORD = "ARecordSet";

  /** What the first master applies in the cluster at bootstrap: no Azure resource by itself. */
  public static final String CLUSTER_ADDON = "KubernetesAddon";

  private AzurePlan() {}

  public static ProvisioningPlan of(ClusterSpec spec, PriceTable table) {
    var target = (AzureTarget) spec.target();
    var location = target.location();
    var names = new AzureNames(spec.name(), location);
    var unknown = new ArrayList<String>();
    var resources = new ArrayList<PlannedResource>();
    resources.add(
        PlannedResource.free(
            RESOURCE_GROUP, names.resourceGroup(), location + ", holds everything below"));
    for (var role : NodeRole.values()) {
      resources.add(
          PlannedResource.free(
              IDENTITY, names.identity(role), "the " + role.plural() + "' managed identity"));
    }
    resources.add(
        PlannedResource.free(
            IDENTITY,
            names.cloudIdentity(),
            "the Azure Disk CSI driver's managed identity, on the masters"));
    for (var role : NodeRole.values()) {
      for (var builtIn : BuiltInRole.of(role)) {
        resources.add(
            PlannedResource.free(
                ROLE_ASSIGNMENT,
                names.identity(role) + ": " + builtIn.displayName(),
                "on the resource group"));
      }
    }
    resources.add(
        PlannedResource.free(
            ROLE_ASSIGNMENT,
            names.cloudIdentity() + ": " + BuiltInRole.CONTRIBUTOR.displayName(),
            "on the resource group (the driver makes, attaches and deletes disks)"));
    resources.add(
        PlannedResource.free(VIRTUAL_NETWORK, names.virtualNetwork(), AzureNames.VNET_CIDR));
    resources.add(
        PlannedResource.free(
            SUBNET, names.subnet(NodeRole.MASTER), AzureNames.MASTERS_SUBNET_CIDR));
    resources.add(
        PlannedResource.free(
            SUBNET, names.subnet(NodeRole.MINION), AzureNames.MINIONS_SUBNET_CIDR));
    resources.add(
        PlannedResource.free(
            SECURITY_GROUP,
            names.securityGroup(),
            "SSH and TCP "
                + SecurityRules.API_PORT
                + " from "
                + target.apiAccessCidr().orElse("(apiAccessCidr: required by create())")
                + "; the network's own traffic; Calico VXLAN (UDP "
                + SecurityRules.VXLAN_PORT
                + ")"));
    resources.add(
        new PlannedResource(
            LOAD_BALANCER,
            names.loadBalancer(),
            "Standard, internal, frontend "
                + AzureNames.API_ADDRESS
                + ", TCP "
                + SecurityRules.API_PORT
                + " to the masters",
            table.loadBalancerPerHour()));
    resources.add(
        new PlannedResource(
            DNS_ZONE,
            names.zone(),
            "private: " + names.mastersRecord() + ", " + names.minionsRecord(),
            table.privateDnsZonePerHour()));
    resources.add(
        PlannedResource.free(
            DNS_LINK, names.zoneLink(), "the zone, resolvable in " + names.virtualNetwork()));
    for (var role : NodeRole.values()) {
      var size = role == NodeRole.MASTER ? target.masterVmSize() : target.vmSize();
      int count = role == NodeRole.MASTER ? spec.masters() : spec.minions();
      var n = BigDecimal.valueOf(count);
      var perVm =
          table
              .vmPerHour(location, size)
              .orElseGet(
                  () -> {
                    unknown.add(size);
                    return BigDecimal.ZERO;
                  });
      resources.add(
          new PlannedResource(
              SCALE_SET,
              names.scaleSet(role),
              count + " x " + size + ", flexible orchestration, " + ScaleSets.IMAGE_DESCRIPTION,
              perVm.multiply(n)));
      resources.add(
          PlannedResource.free(
              VIRTUAL_MACHINE, names.scaleSet(role) + "-*", count + " VM(s) of the scale set"));
      resources.add(
          PlannedResource.free(
              NETWORK_INTERFACE,
              names.scaleSet(role) + "-*",
              count + " NIC(s), in subnet " + names.subnet(role)));
      resources.add(
          new PlannedResource(
              DISK,
              names.scaleSet(role) + "-*",
              count + " x " + ScaleSets.OS_DISK_GIB + " GiB " + ScaleSets.OS_DISK_TYPE + " (E4)",
              table.standardSsdE4PerHour(location).multiply(n)));
      resources.add(
          new PlannedResource(
              PUBLIC_IP,
              names.scaleSet(role) + "-*",
              count + " x Standard public IPv4",
              table.publicIpPerHour().multiply(n)));
    }
    resources.add(
        PlannedResource.free(
            DNS_RECORD,
            names.mastersRecord(),
            "A " + AzureNames.API_ADDRESS + " (the load balancer), written once"));
    resources.add(
        PlannedResource.free(
            DNS_RECORD,
            names.minionsRecord(),
            "A: the minions' addresses, at most "
                + DnsRecords.MAX_RECORDS
                + "; written by create()"));
    resources.add(
        PlannedResource.free(
            CLUSTER_ADDON,
            "azuredisk-csi-driver " + DiskCsiDriver.VERSION,
            "applied by the first master; cloud config (managed identity "
                + names.cloudIdentity()
                + ", no secret) in secret kube-system/"
                + DiskCsiDriver.CLOUD_CONFIG_SECRET));
    resources.add(
        PlannedResource.free(
            CLUSTER_ADDON,
            "StorageClass " + DiskCsiDriver.STORAGE_CLASS,
            "the default: "
                + DiskCsiDriver.PROVISIONER
                + ", "
                + DiskCsiDriver.DISK_SKU
                + ", WaitForFirstConsumer; disks are billed as they are made"));
    return new ProvisioningPlan(
        AzureTarget.PROVIDER,
        target.describe(),
        spec.name(),
        resources,
        priceSource(location, table, unknown));
  }

  private static String priceSource(String location, PriceTable table, List<String> unknown) {
    var source =
        new StringBuilder("Azure pay-as-you-go prices, ")
            .append(location)
            .append(", table of ")
            .append(table.date())
            .append(" (")
            .append(table.source())
            .append(')');
    if (!table.knows(location)) {
      source
          .append(" (location not in the table: disks at ")
          .append(PriceTable.FALLBACK_LOCATION)
          .append(" prices)");
    }
    if (!unknown.isEmpty()) {
      source
          .append("; no price for ")
          .append(String.join(", ", unknown.stream().distinct().toList()))
          .append(" in ")
          .append(location)
          .append(", counted as 0");
    }
    return source.toString();
  }
}
