package io.cncfdemo.internal.benchmark.chaos;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;

/** A failure the caller causes with its own code, e.g. making a test server fail for a while. */
public record CustomAction(String describe, Runnable action) implements ChaosAction {

  @Override
  public boolean needsCluster() {
    return false;
  }

  @Override
  public Strike strike(Optional<KubernetesClient> client, Optional<String> namespace) {
    action.run();
    return new Strike(describe, Optional.empty());
  }
}
