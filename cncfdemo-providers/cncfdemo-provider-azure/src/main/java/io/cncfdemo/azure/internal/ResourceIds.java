package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.NodeRole;

/**
 * The ARM resource ids of a cluster's resources in a subscription, e.g. {@code
 * /subscriptions/<s>/resourceGroups/cncfdemo-demo-westeurope/providers/Microsoft.Network/virtualNetworks/demo-vnet}.
 */
record ResourceIds(String subscription, AzureNames names) {
  String resourceGroup() {
    return "/subscriptions/" + subscription + "/resourceGroups/" + names.resourceGroup();
  }

  String provider(String namespaceAndType, String name) {
    return resourceGroup() + "/providers/" + namespaceAndType + "/" + name;
  }

  String identity(NodeRole role) {
    return provider("Microsoft.ManagedIdentity/userAssignedIdentities", names.identity(role));
  }

  String virtualNetwork() {
    return provider("Microsoft.Network/virtualNetworks", names.virtualNetwork());
  }

  String subnet(NodeRole role) {
    return virtualNetwork() + "/subnets/" + names.subnet(role);
  }

  String securityGroup() {
    return provider("Microsoft.Network/networkSecurityGroups", names.securityGroup());
  }

  String loadBalancer() {
    return provider("Microsoft.Network/loadBalancers", names.loadBalancer());
  }

  String loadBalancerPart(String kind, String name) {
    return loadBalancer() + "/" + kind + "/" + name;
  }

  String zone() {
    return provider("Microsoft.Network/privateDnsZones", names.zone());
  }

  String zoneLink() {
    return zone() + "/virtualNetworkLinks/" + names.zoneLink();
  }

  /** An A record set of the zone, by its relative name ({@code masters}, {@code minions}). */
  String aRecord(String relativeName) {
    return zone() + "/A/" + relativeName;
  }

  String scaleSet(NodeRole role) {
    return provider("Microsoft.Compute/virtualMachineScaleSets", names.scaleSet(role));
  }
}
