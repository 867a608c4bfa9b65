package io.cncfdemo.azure.internal;

import com.azure.core.util.Context;
import com.azure.resourcemanager.compute.fluent.models.ResourceSkuInner;
import com.azure.resourcemanager.compute.fluent.models.UsageInner;
import com.azure.resourcemanager.compute.models.ResourceSkuRestrictionsType;
import io.cncfdemo.cluster.AzureTarget;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.exception.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The checks that ask Azure before anything is created, with reads only: the location is one of the
 * subscription's, each VM size is offered there to this subscription and is x64 (Compute resource
 * SKUs API), and the vCPU quotas of the location (Compute usages API: the size's family and the
 * regional total) leave room for every node of the plan.
 */
public final class Capacity {
  static final String TOTAL_VCPUS = "cores";
  private static final int SIZES_SHOWN = 12;

  private final AzureClients azure;

  public Capacity(AzureClients azure) {
    this.azure = azure;
  }

  /**
   * Runs every check; throws {@link InvalidInputException} naming the field and value at the first
   * that fails.
   */
  public void check(ClusterSpec spec) {
    var target = (AzureTarget) spec.target();
    var location = target.location();
    location(location);
    var skus = virtualMachineSkus(location);
    var master = offered(skus, "masterVmSize", target.masterVmSize(), location);
    var minion = offered(skus, "vmSize", target.vmSize(), location);
    quota(spec, location, master, minion);
  }

  void location(String location) {
    var names = new TreeSet<String>();
    azure
        .resources()
        .subscriptionClient()
        .getSubscriptions()
        .listLocations(azure.subscription())
        .forEach(l -> names.add(l.name()));
    if (!names.contains(location)) {
      throw new InvalidInputException(
          "location",
          location,
          "one of the locations of subscription "
              + azure.subscription()
              + ": "
              + String.join(", ", names));
    }
  }

  private List<ResourceSkuInner> virtualMachineSkus(String location) {
    return azure
        .compute()
        .serviceClient()
        .getResourceSkus()
        .list("location eq '" + location + "'", null, Context.NONE)
        .stream()
        .filter(sku -> "virtualMachines".equalsIgnoreCase(sku.resourceType()))
        .toList();
  }

  private ResourceSkuInner offered(
      List<ResourceSkuInner> skus, String field, String size, String location) {
    var available = skus.stream().filter(sku -> available(sku, location)).toList();
    var found =
        available.stream()
            .filter(sku -> size.equalsIgnoreCase(sku.name()))
            .findFirst()
            .orElseThrow(
                () -> {
                  var names = new TreeSet<String>();
                  available.forEach(sku -> names.add(sku.name()));
                  var shown = names.stream().limit(SIZES_SHOWN).toList();
                  return new InvalidInputException(
                      field,
                      size,
                      "a VM size offered to subscription "
                          + azure.subscription()
                          + " in "
                          + location
                          + (names.isEmpty()
                              ? " (none is)"
                              : ", such as "
                                  + String.join(", ", shown)
                                  + (names.size() > shown.size()
                                      ? " ("
                                          + names.size()
                                          + " in all: az vm list-skus -l "
                                          + location
                                          + ")"
                                      : "")));
                });
    var architecture = capability(found, "CpuArchitectureType");
    if (architecture != null && !architecture.equalsIgnoreCase("x64")) {
      throw new InvalidInputException(
          field,
          size,
          "an x64 VM size: the nodes run Ubuntu 24.04 LTS for x64, and "
              + found.name()
              + " is "
              + architecture);
    }
    return found;
  }

  static String capability(ResourceSkuInner sku, String name) {
    return sku.capabilities() == null
        ? null
        : sku.capabilities().stream()
            .filter(c -> name.equalsIgnoreCase(c.name()))
            .map(c -> c.value())
            .findFirst()
            .orElse(null);
  }

  static boolean available(ResourceSkuInner sku, String location) {
    boolean here =
        sku.locations() != null && sku.locations().stream().anyMatch(location::equalsIgnoreCase);
    boolean restricted =
        sku.restrictions() != null
            && sku.restrictions().stream()
                .anyMatch(
                    r ->
                        ResourceSkuRestrictionsType.LOCATION.equals(r.type())
                            && r.values() != null
                            && r.values().stream().anyMatch(location::equalsIgnoreCase));
    return here && !restricted;
  }

  private void quota(
      ClusterSpec spec, String location, ResourceSkuInner master, ResourceSkuInner minion) {
    var usages = new LinkedHashMap<String, UsageInner>();
    azure
        .compute()
        .serviceClient()
        .getUsages()
        .list(location)
        .forEach(u -> usages.put(u.name().value().toLowerCase(Locale.ROOT), u));
    int masterVcpus = vcpus(master);
    int minionVcpus = vcpus(minion);
    var needed = new LinkedHashMap<String, Integer>();
    needed.merge(
        TOTAL_VCPUS, spec.masters() * masterVcpus + spec.minions() * minionVcpus, Integer::sum);
    needed.merge(family(master), spec.masters() * masterVcpus, Integer::sum);
    needed.merge(family(minion), spec.minions() * minionVcpus, Integer::sum);
    for (Map.Entry<String, Integer> need : needed.entrySet()) {
      var usage = usages.get(need.getKey());
      if (usage == null) {
        continue; // no such quota reported: nothing to check against
      }
      long free = usage.limit() - usage.currentValue();
      if (need.getValue() <= free) {
        continue;
      }
      long mastersNeed =
          need.getKey().equals(TOTAL_VCPUS) || need.getKey().equals(family(master))
              ? (long) spec.masters() * masterVcpus
              : 0;
      boolean minionCounts =
          need.getKey().equals(TOTAL_VCPUS) || need.getKey().equals(family(minion));
      var what =
          "the quota \""
              + Optional.ofNullable(usage.name().localizedValue()).orElse(usage.name().value())
              + "\" ("
              + usage.name().value()
              + ") of "
              + location
              + " allows "
              + usage.limit()
              + " vCPUs, "
              + usage.currentValue()
              + " are in use, and the cluster needs "
              + need.getValue()
              + " ("
              + spec.masters()
              + " x "
              + master.name()
              + " with "
              + masterVcpus
              + ", "
              + spec.minions()
              + " x "
              + minion.name()
              + " with "
              + minionVcpus
              + "); ask for more (Azure portal, Quotas) or choose smaller sizes";
      if (minionCounts && free - mastersNeed >= 0) {
        throw new InvalidInputException(
            "minions",
            spec.minions(),
            "at most " + (free - mastersNeed) / minionVcpus + ": " + what);
      }
      throw new InvalidInputException(
          "masters", spec.masters(), "at most " + Math.max(0, free / masterVcpus) + ": " + what);
    }
  }

  static int vcpus(ResourceSkuInner sku) {
    var vcpus = capability(sku, "vCPUs");
    return vcpus == null ? 0 : Integer.parseInt(vcpus);
  }

  static String family(ResourceSkuInner sku) {
    return sku.family() == null ? "" : sku.family().toLowerCase(Locale.ROOT);
  }
}
