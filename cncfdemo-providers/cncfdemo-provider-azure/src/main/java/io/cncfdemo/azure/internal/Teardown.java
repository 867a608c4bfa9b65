package io.cncfdemo.azure.internal;

import com.azure.core.util.Context;
import com.azure.resourcemanager.resources.fluent.models.GenericResourceExpandedInner;
import com.azure.resourcemanager.resources.fluent.models.ResourceGroupInner;
import io.cncfdemo.exception.CncfDemoException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes everything of a cluster, found by name and tags alone (no local state): the cluster's
 * resource group, any other resource group of its location tagged {@code
 * KubernetesCluster=<cluster>}, and any resource of its location (or global) so tagged outside
 * them. Deleting a resource group deletes what is in it, and the role assignments on it, in one
 * long-running operation. What is gone already is skipped, so running it twice is harmless. Returns
 * what it removed, one line each.
 */
public final class Teardown {
  private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

  private final AzureClients azure;
  private final AzureNames names;

  public Teardown(AzureClients azure, AzureNames names) {
    this.azure = azure;
    this.names = names;
  }

  public List<String> run() {
    var removed = new ArrayList<String>();
    var groups = new LinkedHashSet<String>();
    var resourceGroups = azure.resources().serviceClient().getResourceGroups();
    if (resourceGroups.checkExistence(names.resourceGroup())) {
      groups.add(names.resourceGroup());
    }
    resourceGroups.list(tagFilter(), null, Context.NONE).stream()
        .filter(g -> here(g.location()))
        .map(ResourceGroupInner::name)
        .forEach(groups::add);
    for (var group : groups) {
      var inside =
          azure.resources().serviceClient().getResources().listByResourceGroup(group).stream()
              .map(r -> r.type() + " " + r.name())
              .toList();
      LOG.info("deleting resource group {} and its {} resources", group, inside.size());
      resourceGroups.delete(group);
      removed.add("Microsoft.Resources/resourceGroups " + group);
      removed.addAll(inside);
    }
    var prefixes =
        groups.stream()
            .map(
                g ->
                    "/subscriptions/"
                        + azure.subscription().toLowerCase(Locale.ROOT)
                        + "/resourcegroups/"
                        + g.toLowerCase(Locale.ROOT)
                        + "/")
            .toList();
    for (GenericResourceExpandedInner stray :
        azure
            .resources()
            .serviceClient()
            .getResources()
            .list(tagFilter(), null, null, Context.NONE)) {
      var id = stray.id().toLowerCase(Locale.ROOT);
      if (prefixes.stream().anyMatch(id::startsWith)
          || !(here(stray.location()) || "global".equalsIgnoreCase(stray.location()))) {
        continue;
      }
      LOG.info("deleting {} (tagged for the cluster, outside its resource group)", stray.id());
      new Arm(azure).delete(stray.id(), apiVersion(stray.type()));
      removed.add(stray.type() + " " + stray.name());
    }
    return removed;
  }

  /**
   * Whether a location is the cluster's: clusters of the same name in two locations are two
   * clusters, both tagged {@code KubernetesCluster=<name>}; each destroy takes its own.
   */
  private boolean here(String location) {
    return names.location().equalsIgnoreCase(location);
  }

  private String tagFilter() {
    return "tagName eq '" + Tags.CLUSTER + "' and tagValue eq '" + names.cluster() + "'";
  }

  /**
   * The newest stable api-version ARM's provider metadata lists for a resource type like {@code
   * Microsoft.X/y}.
   */
  private String apiVersion(String type) {
    int slash = type.indexOf('/');
    var namespace = type.substring(0, slash);
    var resourceType = type.substring(slash + 1);
    var provider = azure.resources().serviceClient().getProviders().get(namespace);
    return provider.resourceTypes().stream()
        .filter(t -> t.resourceType().equalsIgnoreCase(resourceType))
        .flatMap(t -> t.apiVersions().stream())
        .filter(v -> !v.contains("preview"))
        .max(String::compareTo)
        .orElseThrow(() -> new CncfDemoException("Azure lists no api-version for " + type));
  }
}
