package io.cncfdemo.internal.deploy;

import io.cncfdemo.deploy.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The objects in a namespace that a demo did not create and Kubernetes did not generate for it:
 * what keeps a teardown from deleting the namespace.
 */
final class ForeignObjects {
  /** What Kubernetes puts into every namespace by itself. */
  private static final Set<String> GENERATED =
      Set.of("ConfigMap kube-root-ca.crt", "ServiceAccount default");

  private ForeignObjects() {}

  static List<ObjectRef> in(KubernetesClient client, String namespace, String demoName) {
    var found = new ArrayList<HasMetadata>();
    found.addAll(client.configMaps().inNamespace(namespace).list().getItems());
    found.addAll(client.secrets().inNamespace(namespace).list().getItems());
    found.addAll(client.services().inNamespace(namespace).list().getItems());
    found.addAll(client.serviceAccounts().inNamespace(namespace).list().getItems());
    found.addAll(client.persistentVolumeClaims().inNamespace(namespace).list().getItems());
    found.addAll(client.apps().deployments().inNamespace(namespace).list().getItems());
    found.addAll(client.apps().statefulSets().inNamespace(namespace).list().getItems());
    found.addAll(client.apps().daemonSets().inNamespace(namespace).list().getItems());
    found.addAll(client.batch().v1().jobs().inNamespace(namespace).list().getItems());
    found.addAll(client.pods().inNamespace(namespace).list().getItems());
    return found.stream()
        .filter(
            object ->
                object.getMetadata().getOwnerReferences() == null
                    || object.getMetadata().getOwnerReferences().isEmpty())
        .filter(
            object -> !GENERATED.contains(object.getKind() + " " + object.getMetadata().getName()))
        .filter(object -> !Ownership.owns(demoName, object))
        .map(ObjectRef::of)
        .toList();
  }
}
