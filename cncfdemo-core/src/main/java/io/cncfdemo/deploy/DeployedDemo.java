package io.cncfdemo.deploy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.CncfDemoException;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.DemoUnderTest;
import io.cncfdemo.internal.Check;
import io.cncfdemo.internal.Durations;
import io.cncfdemo.internal.deploy.Teardown;
import io.cncfdemo.internal.deploy.WorkloadStatuses;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A demo applied to a cluster, as returned by {@code Demo...deployTo(cluster)}: where, what changed, the status of its
 * workloads now, and its {@link #teardown()}.
 */
public final class DeployedDemo implements DemoUnderTest {
  private static final Duration POLL = Duration.ofMillis(250);
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

  @Override
  public RunningCluster cluster() {
    return cluster;
  }

  /** The demo as it was compiled for this cluster. */
  @Override
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

  /** Benchmarks the demo for {@code duration}: its wrk Job, the control plane, the cost (see {@link Benchmark#of(DemoUnderTest)}). */
  public BenchmarkReport benchmark(Duration duration) {
    return Benchmark.of(this).duration(duration).run();
  }

  /** A benchmark of this demo to configure, then {@code run()}: {@code demo.benchmark().rate(500).chaos(...).run()}. */
  public Benchmark benchmark() {
    return Benchmark.of(this);
  }

  /** Removes what the demo created, in reverse stage order, and waits until it is gone (see {@code Demo.teardown}). */
  @CanIgnoreReturnValue
  public List<ObjectChange> teardown() {
    return new Teardown(cluster.client(), options).run(demoName, compiled);
  }

  /** The demo's namespace. */
  @Override
  public String namespace() {
    return compiled.namespace();
  }

  /** The workloads of the demo (Deployments, StatefulSets, DaemonSets, Jobs) as the API server sees them now. */
  public List<WorkloadStatus> status() {
    return WorkloadStatuses.of(cluster.client(), compiled.objects());
  }

  /** The workloads of {@link #status()}, each as {@code KIND NAME READY/DESIRED}, e.g. {@code Deployment countly-api 2/2}. */
  @Override
  public List<String> workloads() {
    return status().stream().map(WorkloadStatus::toString).toList();
  }

  /**
   * Waits until every workload is ready (Jobs complete) and returns their status; after {@code timeout}, fails
   * naming the workloads that are not.
   */
  @CanIgnoreReturnValue
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
