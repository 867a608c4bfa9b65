package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.UsageException;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Resolves what users type for a kind — {@code pods}, {@code pod}, {@code po}, {@code Deployment},
 * {@code deployments.apps} — to an {@link ApiResource} by the API server's discovery, as kubectl
 * does.
 */
final class ApiResources {
  private final KubernetesClient client;
  private List<ApiResource> all;

  ApiResources(KubernetesClient client) {
    this.client = client;
  }

  ApiResource resolve(String typed) {
    var wanted = typed.toLowerCase(Locale.ROOT);
    var dot = wanted.indexOf('.');
    var name = dot < 0 ? wanted : wanted.substring(0, dot);
    var group = dot < 0 ? null : wanted.substring(dot + 1);
    for (var resource : all()) {
      if (group != null && !resource.group().equals(group)) {
        continue;
      }
      if (resource.plural().equals(name)
          || resource.kind().toLowerCase(Locale.ROOT).equals(name)
          || shortNames(resource).contains(name)) {
        return resource;
      }
    }
    throw new UsageException("the server doesn't have a resource type \"" + typed + "\"");
  }

  /** The resource of an object's apiVersion and kind. */
  ApiResource ofKind(String apiVersion, String kind) {
    for (var resource : all()) {
      if (resource.apiVersion().equals(apiVersion) && resource.kind().equals(kind)) {
        return resource;
      }
    }
    throw new KubectlError(
        "resource mapping not found for kind \""
            + kind
            + "\" in version \""
            + apiVersion
            + "\"; ensure CRDs are installed first");
  }

  private List<String> shortNames(ApiResource resource) {
    return shortNames.getOrDefault(resource.apiVersion() + "/" + resource.plural(), List.of());
  }

  private final java.util.Map<String, List<String>> shortNames = new java.util.HashMap<>();

  private List<ApiResource> all() {
    if (all != null) {
      return all;
    }
    var found = new ArrayList<ApiResource>();
    add(found, "", "v1", client.getApiResources("v1").getResources());
    for (var group : client.getApiGroups().getGroups()) {
      var preferred = group.getPreferredVersion();
      if (preferred != null) {
        add(
            found,
            group.getName(),
            preferred.getVersion(),
            client.getApiResources(preferred.getGroupVersion()).getResources());
      }
    }
    all = found;
    return all;
  }

  private void add(
      List<ApiResource> found, String group, String version, List<APIResource> resources) {
    for (var resource : resources) {
      if (resource.getName().contains("/")) {
        continue;
      }
      var api =
          new ApiResource(
              group,
              version,
              resource.getName(),
              resource.getKind(),
              Boolean.TRUE.equals(resource.getNamespaced()));
      found.add(api);
      var names = new ArrayList<String>();
      if (resource.getSingularName() != null) {
        names.add(resource.getSingularName());
      }
      if (resource.getShortNames() != null) {
        names.addAll(resource.getShortNames());
      }
      shortNames.put(api.apiVersion() + "/" + api.plural(), names);
    }
  }
}
