package io.cncfdemo.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * Names one Kubernetes object: {@code Deployment cncfdemo/countly-api}.
 *
 * @param kind the kind, e.g. {@code Deployment}
 * @param namespace the namespace, or {@code null} for a cluster-scoped object
 * @param name the name
 */
public record ObjectRef(String kind, String namespace, String name) {
  public static ObjectRef of(HasMetadata object) {
    return new ObjectRef(
        object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName());
  }

  @Override
  public String toString() {
    return kind + " " + (namespace == null ? "" : namespace + "/") + name;
  }
}
