package io.cncfdemo.deploy;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.internal.Check;
import io.cncfdemo.internal.deploy.Teardown;
import io.cncfdemo.internal.deploy.WorkloadStatuses;
import java.time.Duration;
import java.util.List;

/**
 * A demo applied to a cluster, as returned by {@code Demo...deployTo(cluster)}: where, what changed, the status of its
 * workloads now, and its {@link #teardown()}.
 */
public final class DeployedDemo {
  private final RunningCluster cluster;
  private final String demoName;
  private final CompiledDemo compiled;
  private final List<ObjectChange> changes;
  private final DeployOptions options;

  public DeployedDemo(RunningCluster cluster, String demoName, CompiledDemo compiled, List<ObjectChange> changes,
      DeployOptions options) {
    this.cluster = cluster;
    this.demoName = demoName;
    this.compiled = compiled;
    this.changes = List.copyOf(changes);
    this.options = options;
  }

  public RunningCluster cluster() {
    return cluster;
  }

  /** The demo as it was compiled for this cluster. */
  public CompiledDemo compiled() {
    return compiled;
  }

  /** What the deploy did to each object, in apply order: created, configured or unchanged. */
  public List<ObjectChange> changes() {
    return changes;
  }

  /** How many objects the deploy created or changed; 0 when the same demo was deployed again. */
  public long changedCount() {
    return changes.stream().filter(change -> change.change().isChange()).count();
  }

  /** Benchmarks the demo for {@code duration}: its wrk Job, the control plane, the cost (see {@link Benchmark#of(DeployedDemo)}). */
  public BenchmarkReport benchmark(Duration duration) {
    return Benchmark.of(this).duration(duration).run();
  }

  /** A benchmark of this demo to configure, then {@code run()}: {@code demo.benchmark().rate(500).chaos(...).run()}. */
  public Benchmark benchmark() {
    return Benchmark.of(this);
  }

  /** Removes what the demo created, in reverse stage order, and waits until it is gone (see {@code Demo.teardown}). */
  public List<ObjectChange> teardown() {
    return new Teardown(cluster.client(), options).run(demoName, compiled);
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
    return WorkloadStatuses.awaitReady(cluster.client(), namespace(), compiled.objects(), timeout);
  }
}
