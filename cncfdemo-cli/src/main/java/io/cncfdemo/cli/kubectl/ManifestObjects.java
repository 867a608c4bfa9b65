package io.cncfdemo.cli.kubectl;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The objects of manifests, parsed by fabric8, each with the namespace it goes to when its kind is
 * namespaced.
 */
final class ManifestObjects {
  private ManifestObjects() {}

  static List<HasMetadata> parse(
      KubernetesClient client,
      ApiResources resources,
      List<ManifestOptions.Manifest> manifests,
      String namespace) {
    var objects = new ArrayList<HasMetadata>();
    for (var manifest : manifests) {
      List<HasMetadata> items;
      try {
        items =
            client
                .load(new ByteArrayInputStream(manifest.text().getBytes(StandardCharsets.UTF_8)))
                .items();
      } catch (RuntimeException e) {
        throw new KubectlError("error parsing " + manifest.source() + ": " + e.getMessage());
      }
      for (var item : items) {
        if (item == null) {
          continue;
        }
        if (item.getMetadata() == null || item.getMetadata().getName() == null) {
          throw new KubectlError(
              "error when retrieving current configuration of an object in "
                  + manifest.source()
                  + ": resource name may not be empty");
        }
        var resource = resources.ofKind(item.getApiVersion(), item.getKind());
        if (resource.namespaced() && item.getMetadata().getNamespace() == null) {
          item.getMetadata().setNamespace(namespace);
        }
        objects.add(item);
      }
    }
    return objects;
  }
}
