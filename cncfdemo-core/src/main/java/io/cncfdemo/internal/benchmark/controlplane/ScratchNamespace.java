package io.cncfdemo.internal.benchmark.controlplane;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespace the control-plane benchmark works in, {@code cncfdemo-bench-RUN}, enforcing Pod
 * Security {@code restricted}; closing it deletes it and everything in it.
 */
final class ScratchNamespace implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ScratchNamespace.class);
  private static final long GONE_SECONDS = 60;
  private final KubernetesClient client;
  private final String name;

  private ScratchNamespace(KubernetesClient client, String name) {
    this.client = client;
    this.name = name;
  }

  static ScratchNamespace create(KubernetesClient client, String run) {
    var name = "cncfdemo-bench-" + run;
    client
        .namespaces()
        .resource(
            new NamespaceBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(PausePods.LABEL, run)
                .addToLabels("pod-security.kubernetes.io/enforce", "restricted")
                .endMetadata()
                .build())
        .create();
    return new ScratchNamespace(client, name);
  }

  String name() {
    return name;
  }

  @Override
  public void close() {
    try {
      client.namespaces().withName(name).delete();
      client
          .namespaces()
          .withName(name)
          .waitUntilCondition(namespace -> namespace == null, GONE_SECONDS, TimeUnit.SECONDS);
    } catch (RuntimeException e) {
      LOG.warn(
          "the scratch namespace {} is not gone yet ({}); it is being deleted",
          name,
          e.getMessage());
    }
  }
}
