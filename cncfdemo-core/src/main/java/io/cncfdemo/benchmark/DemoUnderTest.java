package io.cncfdemo.benchmark;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import java.util.List;

/**
 * A demo running on a cluster, as a benchmark sees it: where it runs, its namespace, its objects
 * (the wrk Job template among them) and its workloads. The deployed demo that {@code
 * Demo...deployTo(cluster)} returns is one; benchmarks depend on this interface only, so that
 * deploying and benchmarking do not depend on each other both ways.
 */
public interface DemoUnderTest {
  /** The cluster the demo runs on. */
  RunningCluster cluster();

  /** The demo's namespace. */
  String namespace();

  /** The demo as it was compiled for the cluster. */
  CompiledDemo compiled();

  /**
   * The demo's workloads as the API server sees them now, each as {@code KIND NAME READY/DESIRED}.
   */
  List<String> workloads();
}
