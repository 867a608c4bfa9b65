package io.cncfdemo.examples;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.deploy.WorkloadStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The main job: a simulated three-minion cluster on this machine, the full demo on it, a report of
 * what runs, and everything stopped and removed at the end. Run it with {@code scripts/demo}.
 */
public final class QuickStart {
  private QuickStart() {}

  public static void main(String[] args) {
    var out = System.out;
    long started = System.nanoTime();
    // tag::quickstart[]
    try (RunningCluster cluster = Cluster.on(local()).minions(3).create()) {
      DeployedDemo demo = Demo.with(countly(), mongoSharded(3), boinc()).deployTo(cluster);
      demo.awaitReady(Duration.ofMinutes(3));
      report(demo, out);
    }
    // end::quickstart[]
    out.printf(
        "%nDone in %.1f s: the cluster is stopped and its files are removed.%n",
        (System.nanoTime() - started) / 1e9);
  }

  /** Prints the cluster, the demo's workloads and where its pods run. */
  static void report(DeployedDemo demo, PrintStream out) {
    var cluster = demo.cluster();
    var client = cluster.client();
    out.printf(
        "Cluster %s: Kubernetes %s at %s, %d nodes, kubeconfig %s%n",
        cluster.spec().name(),
        client.getKubernetesVersion().getGitVersion(),
        cluster.apiServer(),
        client.nodes().list().getItems().size(),
        cluster.kubeconfig());
    out.printf(
        "Demo in namespace %s: %d objects applied, stage by stage, each stage once the one before"
            + " was ready%n%n",
        demo.namespace(), demo.changes().size());
    out.printf("%-12s %-32s %s%n", "KIND", "NAME", "READY");
    for (WorkloadStatus workload : demo.status()) {
      out.printf(
          "%-12s %-32s %d/%d%n",
          workload.kind(), workload.name(), workload.ready(), workload.desired());
    }
    Map<String, Map<String, Long>> podsByNode = new TreeMap<>();
    for (Pod pod : client.pods().inNamespace(demo.namespace()).list().getItems()) {
      var node =
          pod.getSpec().getNodeName() == null ? "(unscheduled)" : pod.getSpec().getNodeName();
      podsByNode
          .computeIfAbsent(node, key -> new TreeMap<>())
          .merge(pod.getStatus().getPhase(), 1L, Long::sum);
    }
    out.printf("%nPods by node:%n");
    podsByNode.forEach(
        (node, phases) ->
            out.printf(
                "  %-24s %s%n",
                node,
                phases.entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey())
                    .collect(Collectors.joining(", "))));
  }
}
