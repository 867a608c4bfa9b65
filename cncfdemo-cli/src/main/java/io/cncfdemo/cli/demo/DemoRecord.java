package io.cncfdemo.cli.demo;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/**
 * Remembers on the cluster which applications a demo was started with — an annotation of its
 * namespace — so that {@code status} can find its workloads from any machine with a kubeconfig.
 */
final class DemoRecord {
  private DemoRecord() {}

  static void write(KubernetesClient client, String namespace, String apps) {
    client
        .namespaces()
        .withName(namespace)
        .edit(
            existing -> {
              if (existing.getMetadata().getAnnotations() == null) {
                existing.getMetadata().setAnnotations(new java.util.HashMap<>());
              }
              existing.getMetadata().getAnnotations().put(DemoOptions.APPS_ANNOTATION, apps);
              return existing;
            });
  }

  /**
   * The {@code --apps} the demo in this namespace was started with, if one was started there by the
   * CLI.
   */
  static Optional<String> read(KubernetesClient client, String namespace) {
    Namespace found = client.namespaces().withName(namespace).get();
    if (found == null || found.getMetadata().getAnnotations() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(
        found.getMetadata().getAnnotations().get(DemoOptions.APPS_ANNOTATION));
  }
}
