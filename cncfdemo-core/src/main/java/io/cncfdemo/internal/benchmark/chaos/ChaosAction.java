package io.cncfdemo.internal.benchmark.chaos;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** One way of causing a failure on purpose. */
public interface ChaosAction {

  /** What it does, in words, e.g. {@code delete one pod of Deployment countly-api}. */
  String describe();

  /** Whether it needs a cluster (and a namespace) to act on. */
  boolean needsCluster();

  /**
   * Causes the failure now. {@code client} and {@code namespace} are present when {@link
   * #needsCluster()}.
   */
  Strike strike(Optional<KubernetesClient> client, Optional<String> namespace);
}
