package io.cncfdemo.azure.internal;

import com.azure.resourcemanager.resources.fluent.models.GenericResourceInner;
import java.util.List;
import java.util.Map;

/**
 * The private DNS zone {@code <cluster>.k8s}, linked to the cluster's network (no
 * auto-registration), and its A record sets. There is no typed Private DNS client in the SDK
 * modules this provider uses: these are generic ARM resources of {@code
 * Microsoft.Network/privateDnsZones} (api-version {@value Arm#PRIVATE_DNS_API}).
 */
final class PrivateDns {
  static final String GLOBAL = "global";
  static final int TTL_SECONDS = 30;

  private final Arm arm;
  private final AzureNames names;
  private final ResourceIds ids;

  PrivateDns(Arm arm, AzureNames names, ResourceIds ids) {
    this.arm = arm;
    this.names = names;
    this.ids = ids;
  }

  void ensureZone() {
    arm.put(
        ids.zone(),
        Arm.PRIVATE_DNS_API,
        Arm.body(GLOBAL, Tags.of(names.cluster(), null), Map.of()));
    arm.put(
        ids.zoneLink(),
        Arm.PRIVATE_DNS_API,
        Arm.body(
            GLOBAL,
            Tags.of(names.cluster(), null),
            Map.of(
                "virtualNetwork",
                Map.of("id", ids.virtualNetwork()),
                "registrationEnabled",
                false)));
  }

  /**
   * Writes the A record set {@code relativeName} with exactly these addresses (an empty set has no
   * record).
   */
  void writeA(String relativeName, List<String> addresses) {
    var body =
        new GenericResourceInner()
            .withProperties(
                Map.of(
                    "ttl", TTL_SECONDS,
                    "metadata", Map.of(Tags.CLUSTER, names.cluster()),
                    "aRecords",
                        addresses.stream()
                            .map(address -> Map.of("ipv4Address", address))
                            .toList()));
    arm.put(ids.aRecord(relativeName), Arm.PRIVATE_DNS_API, body);
  }
}
