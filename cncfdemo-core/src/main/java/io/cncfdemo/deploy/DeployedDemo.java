package io.cncfdemo.deploy;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;

/**
 * A demo applied to a cluster, as returned by {@code Demo...deployTo(cluster)}: what was applied, as the API server
 * returned it, and where.
 */
public final class DeployedDemo {
  private final RunningCluster cluster;
  private final CompiledDemo compiled;
  private final List<HasMetadata> applied;

  public DeployedDemo(RunningCluster cluster, CompiledDemo compiled, List<HasMetadata> applied) {
    this.cluster = cluster;
    this.compiled = compiled;
    this.applied = List.copyOf(applied);
  }

  public RunningCluster cluster() {
    return cluster;
  }

  /** The demo as it was compiled for this cluster. */
  public CompiledDemo compiled() {
    return compiled;
  }

  /** The objects as the API server returned them after the apply, in apply order. */
  public List<HasMetadata> applied() {
    return applied;
  }

  /** The demo's namespace. */
  public String namespace() {
    return compiled.namespace();
  }
}
