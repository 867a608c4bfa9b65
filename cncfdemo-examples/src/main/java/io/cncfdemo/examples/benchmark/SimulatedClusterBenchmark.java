package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.Providers.local;
import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;

import io.cncfdemo.Cluster;
import io.cncfdemo.Demo;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployedDemo;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What {@code cncfdemo benchmark --save-html} does, in Java, on a simulated local cluster: the full
 * demo, then the benchmark with a Countly API pod deleted on the way, its report as JSON and HTML
 * in {@code DIR}. The simulated cluster runs no container, so the report has the control-plane
 * figures, the chaos and the cost, and a note that there was no HTTP load; on a real cluster the
 * same lines load Countly with the demo's wrk Job. {@code java -cp …
 * io.cncfdemo.examples.benchmark.SimulatedClusterBenchmark [DIR]}
 */
public final class SimulatedClusterBenchmark {
  private SimulatedClusterBenchmark() {}

  public static void main(String[] args) {
    var directory = Path.of(args.length > 0 ? args[0] : "target/benchmark-example");
    try (RunningCluster cluster =
        Cluster.on(local().nodeCpu("8").nodeMemory("32Gi")).minions(3).create()) {
      DeployedDemo demo = Demo.with(countly(), mongoSharded(3), boinc()).deployTo(cluster);
      demo.awaitReady(Duration.ofMinutes(3));
      // tag::benchmark[]
      var report =
          Benchmark.of(demo)
              .duration(Duration.ofMinutes(5))
              .chaos(Chaos.deleteCountlyApiPod())
              .listener(new ProgressPrinter(System.out))
              .run();
      report.saveJson(directory.resolve("report.json"));
      report.saveHtml(directory.resolve("report.html"));
      // end::benchmark[]
      report.notes().forEach(note -> System.out.println("note: " + note));
      System.out.println("report: " + directory.resolve("report.html").toAbsolutePath());
    }
  }
}
