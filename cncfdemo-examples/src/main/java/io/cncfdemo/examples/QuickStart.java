package io.cncfdemo.examples;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.LoadProfile;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.examples.benchmark.ProgressPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The main job, the demo's whole story: a simulated three-minion cluster on this machine, the full
 * demo on it with BOINC filling the idle capacity at background priority, then one benchmark run —
 * simulated load idle → 400 requests/s → idle on Countly's API and one of its pods deleted at the
 * peak — during which the real HPA scales Countly up and back down and the real scheduler preempts
 * BOINC pods for it; the report, charts over time, in {@code target/cncfdemo-report.html};
 * everything stopped and removed at the end. Run it with {@code scripts/demo}.
 */
public final class QuickStart {
  /** Where the HTML report goes; its JSON goes next to it. */
  public static final Path REPORT = Path.of("target/cncfdemo-report.html");

  private QuickStart() {}

  public static void main(String[] args) {
    var out = System.out;
    long started = System.nanoTime();
    // tag::quickstart[]
    try (RunningCluster cluster = Cluster.on(local()).minions(3).create()) {
      DeployedDemo demo =
          Demo.with(
                  countly().scaleDownStabilization(Duration.ofSeconds(5)),
                  mongoSharded(3),
                  boinc()
                      .replicas(40)
                      .resources(Resources.requests("250m", "64Mi").limits("1", "256Mi")))
              .deployTo(cluster, DeployOptions.defaults().withoutWaiting());
      report(demo, out);
      BenchmarkReport report =
          Benchmark.of(demo)
              .withoutControlPlane()
              .loadProfile(LoadProfile.peak(400, Duration.ofSeconds(90)))
              .chaos(Chaos.deleteCountlyApiPod())
              .listener(new ProgressPrinter(out))
              .run();
      out.println(report.timeline().orElseThrow().describe());
      report.saveJson(REPORT.resolveSibling("cncfdemo-report.json"));
      out.println("Report: " + report.saveHtml(REPORT).toAbsolutePath());
    }
    // end::quickstart[]
    out.printf(
        "%nDone in %.1f s: the cluster is stopped and its files are removed.%n",
        (System.nanoTime() - started) / 1e9);
  }

  /** Prints the cluster and what the deploy applied. */
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
        "Demo in namespace %s: %d objects applied; BOINC fills the idle capacity at background"
            + " priority%n",
        demo.namespace(), demo.changes().size());
  }
}
