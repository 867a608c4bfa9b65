package io.cncfdemo.gcp.internal;

import com.google.cloud.compute.v1.AccessConfig;
import com.google.cloud.compute.v1.AttachedDisk;
import com.google.cloud.compute.v1.AttachedDiskInitializeParams;
import com.google.cloud.compute.v1.InstanceProperties;
import com.google.cloud.compute.v1.InstanceTemplate;
import com.google.cloud.compute.v1.Items;
import com.google.cloud.compute.v1.Metadata;
import com.google.cloud.compute.v1.NetworkInterface;
import com.google.cloud.compute.v1.ServiceAccount;
import io.cncfdemo.bootstrap.NodeRole;
import java.util.Map;

/**
 * The global instance template of a role: Ubuntu LTS from {@value #IMAGE_FAMILY}, a {@value
 * #BOOT_DISK_GIB} GiB balanced boot disk, an interface in the cluster's subnetwork with an
 * ephemeral external address (the nodes download their packages; SSH and the API server are open to
 * the user's range only), the cloud-init user data, guest attributes on (where the first master
 * publishes), the given service account and the cluster's labels.
 */
public final class NodeTemplates {
  public static final String IMAGE_FAMILY =
      "projects/ubuntu-os-cloud/global/images/family/ubuntu-2404-lts-amd64";
  public static final int BOOT_DISK_GIB = 30;
  public static final String BOOT_DISK_TYPE = "pd-balanced";

  /** Who the nodes' credentials let in; what they may do is up to the service account's roles. */
  static final String SCOPE = "https://www.googleapis.com/auth/cloud-platform";

  private NodeTemplates() {}

  public static InstanceTemplate of(
      GcpNames names,
      NodeRole role,
      String machineType,
      String networkLink,
      String subnetworkLink,
      String serviceAccount,
      String userData) {
    var properties =
        InstanceProperties.newBuilder()
            .setMachineType(machineType)
            .addDisks(
                AttachedDisk.newBuilder()
                    .setBoot(true)
                    .setAutoDelete(true)
                    .setType("PERSISTENT")
                    .setInitializeParams(
                        AttachedDiskInitializeParams.newBuilder()
                            .setSourceImage(IMAGE_FAMILY)
                            .setDiskSizeGb(BOOT_DISK_GIB)
                            .setDiskType(BOOT_DISK_TYPE)
                            .putAllLabels(labels(names, role))))
            .addNetworkInterfaces(
                NetworkInterface.newBuilder()
                    .setNetwork(networkLink)
                    .setSubnetwork(subnetworkLink)
                    .addAccessConfigs(
                        AccessConfig.newBuilder().setName("external").setType("ONE_TO_ONE_NAT")))
            .setMetadata(
                Metadata.newBuilder()
                    .addItems(Items.newBuilder().setKey("user-data").setValue(userData))
                    .addItems(
                        Items.newBuilder().setKey("enable-guest-attributes").setValue("TRUE")))
            .addServiceAccounts(
                ServiceAccount.newBuilder().setEmail(serviceAccount).addScopes(SCOPE))
            .putAllLabels(labels(names, role));
    return InstanceTemplate.newBuilder()
        .setName(names.template(role))
        .setDescription("cncfdemo " + names.cluster() + " " + role.plural())
        .setProperties(properties)
        .build();
  }

  /**
   * The labels of the cluster's labelled resources (instances, disks, addresses, forwarding rules,
   * the DNS zone).
   */
  public static Map<String, String> labels(GcpNames names, NodeRole role) {
    return Map.of(GcpNames.CLUSTER_LABEL, names.cluster(), GcpNames.ROLE_LABEL, role.tag());
  }
}
