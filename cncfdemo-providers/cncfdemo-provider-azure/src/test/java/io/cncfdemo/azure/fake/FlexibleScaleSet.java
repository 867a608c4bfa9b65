package io.cncfdemo.azure.fake;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What ARM does when a flexible-orchestration scale set succeeds: one {@code
 * Microsoft.Compute/virtualMachines} resource per unit of {@code sku.capacity}, named {@code <scale
 * set>_<8 hex>} and naming its scale set, each with the NIC of the model's network configuration
 * (private address from its subnet, a Standard public IP when the model asks for one) and its OS
 * disk; members beyond the capacity are removed with theirs.
 */
final class FlexibleScaleSet {
  private FlexibleScaleSet() {}

  static List<ObjectNode> members(ArmState state, String scaleSetId) {
    var id = scaleSetId.toLowerCase(Locale.ROOT);
    return state.resources().stream()
        .filter(r -> r.path("type").asText().equalsIgnoreCase("Microsoft.Compute/virtualMachines"))
        .filter(
            r ->
                r.path("properties")
                    .path("virtualMachineScaleSet")
                    .path("id")
                    .asText()
                    .toLowerCase(Locale.ROOT)
                    .equals(id))
        .sorted(Comparator.comparing(r -> r.get("name").asText()))
        .toList();
  }

  static void reconcile(ArmState state, ObjectNode scaleSet) {
    var id = scaleSet.get("id").asText();
    int capacity = scaleSet.path("sku").path("capacity").asInt();
    var members = members(state, id);
    for (int i = members.size(); i < capacity; i++) {
      addVm(state, scaleSet);
    }
    for (int i = capacity; i < members.size(); i++) {
      state.removeVm(members.get(i));
    }
  }

  private static void addVm(ArmState state, ObjectNode scaleSet) {
    var scaleSetId = scaleSet.get("id").asText();
    var group = scaleSetId.substring(0, scaleSetId.indexOf("/providers/"));
    var name =
        scaleSet.get("name").asText()
            + "_"
            + HexFormat.of()
                .formatHex(
                    java.nio.ByteBuffer.allocate(4)
                        .putInt(ThreadLocalRandom.current().nextInt())
                        .array());
    var location = scaleSet.path("location").asText();
    var tags = scaleSet.path("tags").deepCopy();
    var profile = scaleSet.path("properties").path("virtualMachineProfile");
    var nicConfig = profile.path("networkProfile").path("networkInterfaceConfigurations").path(0);
    var ipConfig = nicConfig.path("properties").path("ipConfigurations").path(0);

    var nicId =
        group
            + "/providers/Microsoft.Network/networkInterfaces/"
            + name
            + "-"
            + nicConfig.path("name").asText("nic");
    var nic = resource(nicId, "Microsoft.Network/networkInterfaces", location, tags);
    var ip = nic.withObjectProperty("properties").putArray("ipConfigurations").addObject();
    ip.put("name", ipConfig.path("name").asText("ipconfig1"))
        .put("id", nicId + "/ipConfigurations/" + ipConfig.path("name").asText("ipconfig1"));
    var ipProperties = ip.putObject("properties");
    var subnetId = ipConfig.path("properties").path("subnet").path("id").asText();
    ipProperties
        .put("primary", true)
        .put("privateIPAllocationMethod", "Dynamic")
        .put("privateIPAddress", state.nextPrivateAddress(subnetId));
    ipProperties.putObject("subnet").put("id", subnetId);
    if (ipConfig.path("properties").has("loadBalancerBackendAddressPools")) {
      ipProperties.set(
          "loadBalancerBackendAddressPools",
          ipConfig.path("properties").get("loadBalancerBackendAddressPools"));
    }
    if (ipConfig.path("properties").has("publicIPAddressConfiguration")) {
      var publicIpId = group + "/providers/Microsoft.Network/publicIPAddresses/" + name + "-public";
      var publicIp = resource(publicIpId, "Microsoft.Network/publicIPAddresses", location, tags);
      publicIp.putObject("sku").put("name", "Standard").put("tier", "Regional");
      publicIp
          .withObjectProperty("properties")
          .put("publicIPAllocationMethod", "Static")
          .put("ipAddress", state.nextPublicAddress());
      publicIp
          .withObjectProperty("properties")
          .putObject("ipConfiguration")
          .put("id", ip.get("id").asText());
      ipProperties.putObject("publicIPAddress").put("id", publicIpId);
      state.store(publicIp);
    }
    nic.withObjectProperty("properties")
        .putObject("virtualMachine")
        .put("id", group + "/providers/Microsoft.Compute/virtualMachines/" + name);
    if (nicConfig.path("properties").has("networkSecurityGroup")) {
      nic.withObjectProperty("properties")
          .set("networkSecurityGroup", nicConfig.path("properties").get("networkSecurityGroup"));
    }
    state.store(nic);

    var diskId = group + "/providers/Microsoft.Compute/disks/" + name + "_OsDisk";
    var disk = resource(diskId, "Microsoft.Compute/disks", location, tags);
    disk.putObject("sku")
        .put(
            "name",
            profile
                .path("storageProfile")
                .path("osDisk")
                .path("managedDisk")
                .path("storageAccountType")
                .asText("StandardSSD_LRS"));
    disk.withObjectProperty("properties")
        .put(
            "diskSizeGB",
            profile.path("storageProfile").path("osDisk").path("diskSizeGB").asInt(30))
        .put("diskState", "Attached");
    state.store(disk);

    var vmId = group + "/providers/Microsoft.Compute/virtualMachines/" + name;
    var vm = resource(vmId, "Microsoft.Compute/virtualMachines", location, tags);
    var properties = vm.withObjectProperty("properties");
    properties.putObject("virtualMachineScaleSet").put("id", scaleSetId);
    properties
        .putObject("hardwareProfile")
        .put("vmSize", scaleSet.path("sku").path("name").asText());
    properties
        .putObject("osProfile")
        .put("computerName", name.replace("_", "-"))
        .put("adminUsername", profile.path("osProfile").path("adminUsername").asText());
    properties
        .putObject("storageProfile")
        .putObject("osDisk")
        .put("name", name + "_OsDisk")
        .putObject("managedDisk")
        .put("id", diskId);
    properties
        .putObject("networkProfile")
        .putArray("networkInterfaces")
        .addObject()
        .put("id", nicId)
        .putObject("properties")
        .put("primary", true);
    if (scaleSet.has("identity")) {
      vm.set("identity", scaleSet.get("identity").deepCopy());
    }
    state.store(vm);
  }

  private static ObjectNode resource(
      String id, String type, String location, com.fasterxml.jackson.databind.JsonNode tags) {
    var resource =
        ArmFake.object()
            .put("id", id)
            .put("name", id.substring(id.lastIndexOf('/') + 1))
            .put("type", type)
            .put("location", location);
    resource.set("tags", tags);
    resource.putObject("properties").put("provisioningState", "Succeeded");
    return resource;
  }
}
