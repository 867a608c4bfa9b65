package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import com.azure.resourcemanager.resources.models.Identity;
import com.azure.resourcemanager.resources.models.IdentityUserAssignedIdentitiesValue;
import com.azure.resourcemanager.resources.models.ResourceIdentityType;
import com.azure.resourcemanager.resources.models.Sku;
import io.cncfdemo.bootstrap.JoinSecrets;
import io.cncfdemo.bootstrap.NodeRole;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.ClusterSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The masters' and the minions' VM Scale Sets, flexible orchestration: Ubuntu 24.04 LTS, a Standard
 * SSD OS disk, a NIC in the role's subnet behind the cluster's NSG with a Standard public IP
 * (outbound access and, for masters, the API from {@code apiAccessCidr}), masters in the load
 * balancer's pool, the role's identity and the cloud's, and the node bootstrap as custom data. A
 * scale set that exists and succeeded is left as it is, except for its capacity; one that is
 * missing or failed is PUT again.
 */
final class ScaleSets {
  static final String OS_DISK_TYPE = "StandardSSD_LRS";
  static final int OS_DISK_GIB = 30;
  static final String IMAGE_DESCRIPTION = "Ubuntu 24.04 LTS";
  static final String ADMIN_USER = "azureuser";
  private static final Logger LOG = LoggerFactory.getLogger(ScaleSets.class);

  private final Arm arm;
  private final AzureClients azure;
  private final AzureNames names;
  private final ResourceIds ids;

  ScaleSets(Arm arm, AzureClients azure, AzureNames names, ResourceIds ids) {
    this.arm = arm;
    this.azure = azure;
    this.names = names;
    this.ids = ids;
  }

  /**
   * Ensures both scale sets. {@code secrets} is asked only when a scale set has to be PUT: the join
   * secrets the cluster already uses (read from one of its nodes), or new ones.
   */
  void ensure(
      ClusterSpec spec,
      Identities.All identities,
      String sshPublicKey,
      String backendPool,
      Supplier<JoinSecrets> secrets) {
    var target = (AzureTarget) spec.target();
    JoinSecrets chosen = null;
    for (var role : NodeRole.values()) {
      var size = role == NodeRole.MASTER ? target.masterVmSize() : target.vmSize();
      int count = role == NodeRole.MASTER ? spec.masters() : spec.minions();
      var id = ids.scaleSet(role);
      var existing = arm.get(id, Arm.COMPUTE_API);
      if (existing.isPresent() && "Succeeded".equals(Arm.provisioningState(existing.get()))) {
        var capacity = existing.get().sku() == null ? null : existing.get().sku().capacity();
        if (capacity == null || capacity != count) {
          LOG.info("scaling {} from {} to {} VMs", names.scaleSet(role), capacity, count);
          arm.patch(
              id,
              Arm.COMPUTE_API,
              new GenericResourceInner()
                  .withSku(new Sku().withName(size).withTier("Standard").withCapacity(count)));
        }
        continue;
      }
      if (chosen == null) {
        chosen = secrets.get();
      }
      arm.put(
          id,
          Arm.COMPUTE_API,
          body(spec, role, size, count, identities, sshPublicKey, backendPool, chosen));
    }
  }

  private GenericResourceInner body(
      ClusterSpec spec,
      NodeRole role,
      String size,
      int count,
      Identities.All identities,
      String sshPublicKey,
      String backendPool,
      JoinSecrets secrets) {
    var identity = identities.nodes().get(role);
    var cloud = identities.cloud();
    var customData =
        AzureBootstrap.render(
            spec,
            names,
            azure.subscription(),
            role,
            identity.clientId(),
            new CloudConfig(cloud.tenantId(), azure.subscription(), names, cloud.clientId()),
            secrets);
    var osProfile = new LinkedHashMap<String, Object>();
    osProfile.put("computerNamePrefix", names.cluster() + "-" + role.tag().charAt(0) + "-");
    osProfile.put("adminUsername", ADMIN_USER);
    osProfile.put(
        "customData",
        Base64.getEncoder().encodeToString(customData.getBytes(StandardCharsets.UTF_8)));
    osProfile.put(
        "linuxConfiguration",
        Map.of(
            "disablePasswordAuthentication",
            true,
            "ssh",
            Map.of(
                "publicKeys",
                List.of(
                    Map.of(
                        "path",
                        "/home/" + ADMIN_USER + "/.ssh/authorized_keys",
                        "keyData",
                        sshPublicKey)))));
    var ipConfiguration = new LinkedHashMap<String, Object>();
    ipConfiguration.put("primary", true);
    ipConfiguration.put("subnet", Map.of("id", ids.subnet(role)));
    ipConfiguration.put(
        "publicIPAddressConfiguration",
        Map.of(
            "name",
            "public",
            "sku",
            Map.of("name", "Standard", "tier", "Regional"),
            "properties",
            Map.of("deleteOption", "Delete")));
    if (role == NodeRole.MASTER) {
      ipConfiguration.put("loadBalancerBackendAddressPools", List.of(Map.of("id", backendPool)));
    }
    var nic =
        Map.of(
            "name",
            names.scaleSet(role) + "-nic",
            "properties",
            Map.of(
                "primary",
                true,
                "deleteOption",
                "Delete",
                "networkSecurityGroup",
                Map.of("id", ids.securityGroup()),
                "ipConfigurations",
                List.of(Map.of("name", "ipv4", "properties", ipConfiguration))));
    var profile =
        Map.of(
            "osProfile", osProfile,
            "storageProfile",
                Map.of(
                    "imageReference",
                        Map.of(
                            "publisher",
                            "Canonical",
                            "offer",
                            "ubuntu-24_04-lts",
                            "sku",
                            "server",
                            "version",
                            "latest"),
                    "osDisk",
                        Map.of(
                            "createOption",
                            "FromImage",
                            "caching",
                            "ReadWrite",
                            "diskSizeGB",
                            OS_DISK_GIB,
                            "deleteOption",
                            "Delete",
                            "managedDisk",
                            Map.of("storageAccountType", OS_DISK_TYPE))),
            "networkProfile",
                Map.of(
                    "networkApiVersion",
                    "2020-11-01",
                    "networkInterfaceConfigurations",
                    List.of(nic)));
    var properties = new LinkedHashMap<String, Object>();
    properties.put("orchestrationMode", "Flexible");
    properties.put("platformFaultDomainCount", 1);
    properties.put("singlePlacementGroup", false);
    properties.put("virtualMachineProfile", profile);
    var body = Arm.body(names.location(), Tags.of(names.cluster(), role), properties);
    body.withSku(new Sku().withName(size).withTier("Standard").withCapacity(count));
    var assigned = new LinkedHashMap<String, IdentityUserAssignedIdentitiesValue>();
    assigned.put(identity.id(), new IdentityUserAssignedIdentitiesValue());
    if (role == NodeRole.MASTER) {
      // the CSI controller runs on the masters; workloads on the minions must not get this token
      assigned.put(cloud.id(), new IdentityUserAssignedIdentitiesValue());
    }
    body.withIdentity(
        new Identity()
            .withType(ResourceIdentityType.USER_ASSIGNED)
            .withUserAssignedIdentities(assigned));
    return body;
  }

  /** Every node's VM names, masters first: where the join secrets can be read back from. */
  static List<String> nodes(ClusterVms vms) {
    var all = new ArrayList<String>();
    for (var role : NodeRole.values()) {
      vms.of(role).forEach(vm -> all.add(vm.name()));
    }
    return all;
  }
}
