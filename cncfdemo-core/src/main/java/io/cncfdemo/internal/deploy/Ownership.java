package io.cncfdemo.internal.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * Whether the demo owns an object it finds on the cluster: it carries the demo's label and, where
 * the server tracks field managers, the library's field manager is among them. Teardown deletes
 * only what the demo owns.
 */
final class Ownership {
  static final String DEMO_LABEL = "cncfdemo.io/demo";

  private Ownership() {}

  static boolean owns(String demoName, HasMetadata current) {
    Map<String, String> labels = current.getMetadata().getLabels();
    if (labels == null || !demoName.equals(labels.get(DEMO_LABEL))) {
      return false;
    }
    var managers = current.getMetadata().getManagedFields();
    return managers == null
        || managers.isEmpty()
        || managers.stream()
            .anyMatch(entry -> StagedDeployer.FIELD_MANAGER.equals(entry.getManager()));
  }
}
