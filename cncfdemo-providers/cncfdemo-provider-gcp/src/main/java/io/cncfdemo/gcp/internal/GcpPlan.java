package io.cncfdemo.gcp.internal;

import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.GcpTarget;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@code create()} makes, in its order (the nodes' service account and its role bindings
 * first, unless the target names one), with a cost estimate from the shipped {@link PriceTable}:
 * the instances of the managed instance groups, their balanced boot disks and external IPv4
 * addresses, the load balancer's forwarding rule and the private managed zone; everything else
 * (network, subnetwork, firewalls, templates, groups, the internal address, health check, backend
 * service, records) costs nothing by itself; then the cluster add-ons of {@link GcpAddons}. No call
 * to Google.
 */
public final class GcpPlan {
  /**
   * Plan kinds, one per Compute Engine or Cloud DNS resource type create() makes, as the APIs name
   * them.
   */
  public static final String NETWORK = "Network";

  public static final String SUBNETWORK = "Subnetwork";
  public static final String FIREWALL = "Firewall";
  public static final String INSTANCE_TEMPLATE = "InstanceTemplate";
  public static final String INSTANCE_GROUP_MANAGER = "InstanceGroupManager";
  public static final String INSTANCE = "Instance";
  public static final String DISK = "Disk";
  public static final String EXTERNAL_ADDRESS = "ExternalIPv4";
  public static final String ADDRESS = "Address";
  public static final String HEALTH_CHECK = "HealthCheck";
  public static final String BACKEND_SERVICE = "BackendService";
  public static final String FORWARDING_RULE = "ForwardingRule";
  public static final String MANAGED_ZONE = "ManagedZone";
  public static final String RECORD_SET = "ResourceRecordSet";

  /** The nodes' IAM service account and its role bindings on the project. */
  public static final String SERVICE_ACCOUNT = "ServiceAccount";

  public static final String IAM_BINDING = "IamBinding";

  /** What the first master applies to the cluster at bootstrap (not a Google Cloud resource). */
  public static final String CLUSTER_ADDON = "ClusterAddon";

  private GcpPlan() {}

  public static ProvisioningPlan of(ClusterSpec spec, PriceTable table) {
    var target = (GcpTarget) spec.target();
    var region = target.region();
    var names = new GcpNames(spec.name());
    var unknown = new ArrayList<String>();
    var resources = new ArrayList<PlannedResource>();
    var serviceAccount = target.serviceAccount();
    if (serviceAccount.isEmpty()) {
      var email = names.serviceAccountEmail(target.project().orElse("<project>"));
      resources.add(PlannedResource.free(SERVICE_ACCOUNT, email, "the nodes' identity"));
      for (var role : NodeIdentity.ROLES) {
        resources.add(PlannedResource.free(IAM_BINDING, role, "on the project, for " + email));
      }
    }
    resources.add(PlannedResource.free(NETWORK, names.network(), "VPC, no automatic subnetworks"));
    resources.add(
        PlannedResource.free(SUBNETWORK, names.subnetwork(), region + ", " + GcpNames.SUBNET_CIDR));
    resources.add(
        PlannedResource.free(
            FIREWALL,
            names.accessFirewall(),
            "TCP 22 and "
                + Firewalls.API_PORT
                + " from "
                + target.apiAccessCidr().orElse("(apiAccessCidr: required by create())")));
    resources.add(
        PlannedResource.free(
            FIREWALL,
            names.internalFirewall(),
            "TCP, UDP and ICMP within " + GcpNames.SUBNET_CIDR));
    resources.add(
        PlannedResource.free(
            FIREWALL,
            names.calicoFirewall(),
            "Calico: VXLAN (UDP "
                + Firewalls.VXLAN_PORT
                + ") and IP-in-IP (protocol 4) within "
                + GcpNames.SUBNET_CIDR));
    resources.add(
        PlannedResource.free(
            FIREWALL,
            names.healthCheckFirewall(),
            "TCP "
                + Firewalls.API_PORT
                + " from Google's health checkers "
                + String.join(", ", Firewalls.HEALTH_CHECK_RANGES)));
    for (var role : NodeRole.values()) {
      resources.add(
          PlannedResource.free(
              INSTANCE_TEMPLATE,
              names.template(role),
              machineType(target, role)
                  + ", "
                  + NodeTemplates.IMAGE_FAMILY
                  + ", cloud-init user data (kubeadm, Calico), service account "
                  + serviceAccount.orElseGet(
                      () -> names.serviceAccountEmail(target.project().orElse("<project>")))
                  + " with the cloud-platform scope"));
    }
    for (var role : NodeRole.values()) {
      var type = machineType(target, role);
      int count = role == NodeRole.MASTER ? spec.masters() : spec.minions();
      var n = BigDecimal.valueOf(count);
      var perInstance =
          table
              .machinePerHour(region, type)
              .orElseGet(
                  () -> {
                    unknown.add(type);
                    return BigDecimal.ZERO;
                  });
      resources.add(
          PlannedResource.free(
              INSTANCE_GROUP_MANAGER,
              names.instanceGroup(role),
              "regional, " + count + " instance(s) in " + target.zone()));
      resources.add(
          new PlannedResource(
              INSTANCE,
              names.instanceGroup(role) + "-*",
              count + " x " + type,
              perInstance.multiply(n)));
      resources.add(
          new PlannedResource(
              DISK,
              names.instanceGroup(role) + "-*",
              count
                  + " x "
                  + NodeTemplates.BOOT_DISK_GIB
                  + " GiB "
                  + NodeTemplates.BOOT_DISK_TYPE
                  + " boot disk",
              table.balancedDiskPerHour(region, NodeTemplates.BOOT_DISK_GIB).multiply(n)));
      resources.add(
          new PlannedResource(
              EXTERNAL_ADDRESS,
              names.instanceGroup(role) + "-*",
              count + " x ephemeral external IPv4",
              table.externalIpv4PerHour().multiply(n)));
    }
    resources.add(
        PlannedResource.free(
            ADDRESS,
            names.apiAddress(),
            "static internal " + GcpNames.API_ADDRESS + " in " + names.subnetwork()));
    resources.add(
        PlannedResource.free(
            HEALTH_CHECK, names.healthCheck(), "regional, TCP " + Firewalls.API_PORT));
    resources.add(
        PlannedResource.free(
            BACKEND_SERVICE,
            names.backendService(),
            "regional, internal, TCP, backend " + names.instanceGroup(NodeRole.MASTER)));
    resources.add(
        new PlannedResource(
            FORWARDING_RULE,
            names.forwardingRule(),
            "internal passthrough, " + GcpNames.API_ADDRESS + ":" + Firewalls.API_PORT,
            table.forwardingRulePerHour()));
    resources.add(
        new PlannedResource(
            MANAGED_ZONE,
            names.managedZone(),
            "private " + names.dnsName() + ", bound to " + names.network(),
            table.managedZonePerHour()));
    resources.add(
        PlannedResource.free(
            RECORD_SET,
            names.mastersRecord(),
            "A " + GcpNames.API_ADDRESS + " (the load balancer), written once"));
    resources.add(
        PlannedResource.free(
            RECORD_SET,
            names.minionsRecord(),
            "A: the minions' internal addresses, from "
                + names.instanceGroup(NodeRole.MINION)
                + "'s managed instances; written by create()"));
    resources.add(
        PlannedResource.free(
            CLUSTER_ADDON,
            "gcp-compute-persistent-disk-csi-driver",
            GcpAddons.PD_CSI_VERSION
                + ", applied by the first master after Calico, on the nodes' service account"
                + serviceAccount
                    .map(
                        given -> " (given: it needs " + String.join(", ", NodeIdentity.ROLES) + ")")
                    .orElse("")));
    resources.add(
        PlannedResource.free(
            CLUSTER_ADDON,
            "StorageClass " + GcpAddons.STORAGE_CLASS,
            "the default: "
                + GcpAddons.PROVISIONER
                + ", type pd-balanced, WaitForFirstConsumer; its disks are billed as created"));
    return new ProvisioningPlan(
        GcpTarget.PROVIDER,
        target.describe(),
        spec.name(),
        resources,
        priceSource(region, table, unknown));
  }

  static String machineType(GcpTarget target, NodeRole role) {
    return role == NodeRole.MASTER ? target.masterMachineType() : target.machineType();
  }

  private static String priceSource(String region, PriceTable table, List<String> unknown) {
    var source =
        new StringBuilder("Compute Engine on-demand list prices, ")
            .append(region)
            .append(", snapshot of ")
            .append(table.date())
            .append(", transcribed by hand, not fetched (")
            .append(PriceTable.RESOURCE)
            .append(')');
    if (!table.knows(region)) {
      source
          .append(" (region not in the table: disks at ")
          .append(PriceTable.FALLBACK_REGION)
          .append(" prices)");
    }
    if (!unknown.isEmpty()) {
      source
          .append("; no price for ")
          .append(String.join(", ", unknown.stream().distinct().toList()))
          .append(" in ")
          .append(region)
          .append(", counted as 0");
    }
    return source.toString();
  }
}
