package io.cncfdemo.deploy;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.cncfdemo.CncfDemoException;
import io.cncfdemo.internal.Check;
import io.cncfdemo.internal.Durations;
import io.cncfdemo.internal.deploy.WorkloadStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A demo applied to a cluster, as returned by {@code Demo...deployTo(cluster)}: what was applied, as the API server
 * returned it, and where.
 */
public final class DeployedDemo {
  private static final Duration POLL = Duration.ofMillis(250);
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

  /** The workloads of the demo (Deployments, StatefulSets, DaemonSets, Jobs) as the API server sees them now. */
  public List<WorkloadStatus> status() {
    return WorkloadStatuses.of(cluster.client(), compiled.objects());
  }

  /**
   * Waits until every workload is ready (Jobs complete) and returns their status; after {@code timeout}, fails
   * naming the workloads that are not.
   */
  public List<WorkloadStatus> awaitReady(Duration timeout) {
    Check.positive("timeout", timeout);
    var deadline = Instant.now().plus(timeout);
    while (true) {
      var status = status();
      var waiting = status.stream().filter(workload -> !workload.isReady()).toList();
      if (waiting.isEmpty()) {
        return status;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new CncfDemoException("after " + Durations.format(timeout) + " these workloads of " + namespace()
            + " are not ready: " + waiting);
      }
      try {
        Thread.sleep(POLL.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CncfDemoException("interrupted while waiting for " + waiting, e);
      }
    }
  }
}
