package io.cncfdemo.deploy;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.DemoUnderTest;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import java.time.Duration;
import java.util.List;

/**
 * A demo applied to a cluster, as returned by {@code Demo...deployTo(cluster)} (or {@code
 * Demo...deployedOn(cluster)} for one deployed earlier): where, what changed, the status of its
 * workloads now, and its {@link #teardown()}. The library implements it; users get one from {@code
 * Demo} and do not make their own.
 */
public interface DeployedDemo extends DemoUnderTest {

  /** The cluster the demo is on. */
  @Override
  RunningCluster cluster();

  /** The demo as it was compiled for this cluster. */
  @Override
  CompiledDemo compiled();

  /** What the deploy did to each object, in apply order: created, configured or unchanged. */
  List<ObjectChange> changes();

  /** How many objects the deploy created or changed; 0 when the same demo was deployed again. */
  default long changedCount() {
    return changes().stream().filter(change -> change.change().isChange()).count();
  }

  /**
   * Benchmarks the demo for {@code duration}: its wrk Job, the control plane, the cost (see {@link
   * Benchmark#of(DemoUnderTest)}).
   */
  default BenchmarkReport benchmark(Duration duration) {
    return Benchmark.of(this).duration(duration).run();
  }

  /**
   * A benchmark of this demo to configure, then {@code run()}: {@code
   * demo.benchmark().rate(500).chaos(...).run()}.
   */
  default Benchmark benchmark() {
    return Benchmark.of(this);
  }

  /**
   * Removes what the demo created, in reverse stage order, and waits until it is gone (see {@code
   * Demo.teardown}).
   */
  @CanIgnoreReturnValue
  List<ObjectChange> teardown();

  /** The demo's namespace. */
  @Override
  default String namespace() {
    return compiled().namespace();
  }

  /**
   * The workloads of the demo (Deployments, StatefulSets, DaemonSets, Jobs) as the API server sees
   * them now.
   */
  List<WorkloadStatus> status();

  /**
   * The workloads of {@link #status()}, each as {@code KIND NAME READY/DESIRED}, e.g. {@code
   * Deployment countly-api 2/2}.
   */
  @Override
  default List<String> workloads() {
    return status().stream().map(WorkloadStatus::toString).toList();
  }

  /**
   * Waits until every workload is ready (Jobs complete) and returns their status; after {@code
   * timeout}, fails naming the workloads that are not.
   */
  @CanIgnoreReturnValue
  List<WorkloadStatus> awaitReady(Duration timeout);
}
