package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.compute.fluent.models.VirtualMachineInner;
import com.azure.resourcemanager.network.fluent.models.NetworkInterfaceInner;
import io.cncfdemo.bootstrap.NodeRole;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The VMs of the cluster's scale sets as ARM lists them (flexible orchestration: each instance is
 * an ordinary {@code Microsoft.Compute/virtualMachines} resource that names its scale set), with
 * their NICs' private addresses. Sorted by name, so that "the first master" is the same for the
 * library and the nodes.
 */
final class ClusterVms {
  /** One VM: its name and private address. */
  record Vm(String name, String privateAddress) {}

  private final AzureClients azure;
  private final AzureNames names;
  private final ResourceIds ids;

  ClusterVms(AzureClients azure, AzureNames names, ResourceIds ids) {
    this.azure = azure;
    this.names = names;
    this.ids = ids;
  }

  List<Vm> of(NodeRole role) {
    var scaleSet = ids.scaleSet(role).toLowerCase(Locale.ROOT);
    var group = names.resourceGroup();
    var vms =
        azure.compute().serviceClient().getVirtualMachines().listByResourceGroup(group).stream()
            .filter(
                vm ->
                    vm.virtualMachineScaleSet() != null
                        && scaleSet.equals(
                            vm.virtualMachineScaleSet().id().toLowerCase(Locale.ROOT)))
            .sorted(Comparator.comparing(VirtualMachineInner::name))
            .toList();
    if (vms.isEmpty()) {
      return List.of();
    }
    var nics = new HashMap<String, NetworkInterfaceInner>();
    azure
        .network()
        .serviceClient()
        .getNetworkInterfaces()
        .listByResourceGroup(group)
        .forEach(nic -> nics.put(nic.id().toLowerCase(Locale.ROOT), nic));
    return vms.stream().flatMap(vm -> vm(vm, nics).stream()).toList();
  }

  private static Optional<Vm> vm(VirtualMachineInner vm, Map<String, NetworkInterfaceInner> nics) {
    if (vm.networkProfile() == null
        || vm.networkProfile().networkInterfaces() == null
        || vm.networkProfile().networkInterfaces().isEmpty()) {
      return Optional.empty();
    }
    var nic =
        nics.get(vm.networkProfile().networkInterfaces().get(0).id().toLowerCase(Locale.ROOT));
    if (nic == null || nic.ipConfigurations() == null || nic.ipConfigurations().isEmpty()) {
      return Optional.empty();
    }
    return Optional.ofNullable(nic.ipConfigurations().get(0).privateIpAddress())
        .map(address -> new Vm(vm.name(), address));
  }
}
