package io.cncfdemo.examples.benchmark;

import static io.cncfdemo.Providers.local;

import io.cncfdemo.Cluster;
import io.cncfdemo.benchmark.ApiServerLatency;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ControlPlaneFigures;
import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.local.simulated.SimulatedCluster;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The demo at CNCF scale on a laptop: a simulated cluster of 1,000 minions, the demo sized for it
 * ({@link DemoSizing}: 20 Countly API replicas, 10 MongoDB shards, BOINC on every minion at the
 * background priority), and the control plane measured as ClusterLoader2's density test does: a
 * saturation phase (a pod per minion, 50 created at a time) gives the scheduling throughput and the
 * API call latency p99 of mutating calls and of reads as the API server measured them (SLO ≤ 1 s);
 * a latency phase (100 pods created one after another on the loaded cluster) gives the pod start-up
 * latency (SLO p99 ≤ 5 s). With the memory of this JVM and of the control plane's processes at that
 * size. Each phase's benchmark report is saved as JSON in {@code DIR}. A benchmark main: {@code
 * java -cp … io.cncfdemo.examples.benchmark.Scale [--runs 3] [--minions 1000] [--dir
 * target/scale]}.
 */
public final class Scale {
  static final double CREATE_GOAL_MILLIS = 15_000;
  static final double DEPLOY_GOAL_MILLIS = 15_000;
  static final double POD_STARTUP_SLO_MILLIS = 5_000;
  static final int LATENCY_PODS = 100;

  private Scale() {}

  public static void main(String[] args) {
    int runs = BenchFigures.runs(args);
    int minions = Integer.parseInt(BenchFigures.option(args, "--minions", "1000"));
    var directory = Path.of(BenchFigures.option(args, "--dir", "target/scale"));
    var create = new ArrayList<Long>();
    var deploy = new ArrayList<Long>();
    var saturations = new ArrayList<BenchmarkReport>();
    var latencies = new ArrayList<BenchmarkReport>();
    var jvmKib = new ArrayList<Long>();
    var processKib = new ArrayList<Long>();
    for (int run = 1; run <= runs; run++) {
      long start = System.nanoTime();
      try (var cluster =
          (SimulatedCluster) Cluster.on(local()).minions(minions).named("scale").create()) {
        create.add(millisSince(start));
        var demo = DemoSizing.forMinions(cluster.spec().minions());
        start = System.nanoTime();
        demo.deployTo(cluster);
        deploy.add(millisSince(start));
        // saturation: a pod per minion, 50 created at a time
        var saturation =
            Benchmark.of(cluster)
                .controlPlane(
                    ControlPlaneLoad.defaults().pods(minions).parallelism(50).withoutPreemption())
                .named("scale-saturation-" + run)
                .run();
        // latency: pods created one after another on the loaded cluster
        var latency =
            Benchmark.of(cluster)
                .controlPlane(
                    ControlPlaneLoad.defaults()
                        .pods(LATENCY_PODS)
                        .parallelism(1)
                        .withoutPreemption())
                .named("scale-latency-" + run)
                .run();
        saturation.saveJson(directory.resolve("saturation-" + run + ".json"));
        latency.saveJson(directory.resolve("latency-" + run + ".json"));
        saturations.add(saturation);
        latencies.add(latency);
        jvmKib.add(ProcessMemory.jvmKib());
        processKib.add(ProcessMemory.residentKib(cluster.controlPlane().pids().values()));
      }
      System.out.printf(
          "run %d: create() %d ms, deployTo %d ms, %s%n",
          run,
          create.get(run - 1),
          deploy.get(run - 1),
          summary(saturations.get(run - 1), latencies.get(run - 1)));
    }
    var figures = new BenchFigures.Table();
    var nodes = minions + 1;
    double createMillis = BenchFigures.median(create);
    figures.add(
        "scale: create() minions(" + minions + ") until every node Ready",
        BenchFigures.secondsOfMillis(createMillis),
        "—",
        "—",
        "≤ 15 s",
        createMillis <= CREATE_GOAL_MILLIS);
    double deployMillis = BenchFigures.median(deploy);
    figures.add(
        "scale: deployTo of the demo sized for " + minions + " minions",
        BenchFigures.secondsOfMillis(deployMillis),
        "—",
        "—",
        "≤ 15 s",
        deployMillis <= DEPLOY_GOAL_MILLIS);
    var planes = latencies.stream().flatMap(r -> r.controlPlane().stream()).toList();
    var saturated = saturations.stream().flatMap(r -> r.controlPlane().stream()).toList();
    if (!planes.isEmpty()) {
      var pods = planes.get(0).podStartup().pods();
      for (var percentile : List.of("p50", "p90", "p99")) {
        double millis = median(planes, figure -> startup(figure, percentile));
        boolean slo = percentile.equals("p99");
        figures.add(
            "scale: pod start-up latency " + percentile + " (" + pods + " pods, one at a time)",
            milliseconds(millis),
            "—",
            "—",
            slo ? "≤ 5 s (SLO)" : "—",
            slo ? millis <= POD_STARTUP_SLO_MILLIS : null);
      }
    }
    if (!saturated.isEmpty()) {
      var servers = saturated.stream().flatMap(p -> p.apiServerLatency().stream()).toList();
      if (!servers.isEmpty()) {
        double mutating =
            BenchFigures.median(servers.stream().map(ApiServerLatency::mutatingP99Ms).toList());
        double read =
            BenchFigures.median(servers.stream().map(ApiServerLatency::readP99Ms).toList());
        figures.add(
            "scale: API call latency p99, mutating (saturation)",
            milliseconds(mutating),
            "—",
            "—",
            "≤ 1 s (SLO)",
            mutating <= ApiServerLatency.SLO_P99_MS);
        figures.add(
            "scale: API call latency p99, read (saturation)",
            milliseconds(read),
            "—",
            "—",
            "≤ 1 s (SLO)",
            read <= ApiServerLatency.SLO_P99_MS);
      }
      var throughput = saturated.stream().flatMap(p -> p.schedulingThroughput().stream()).toList();
      if (!throughput.isEmpty()) {
        figures.add(
            "scale: scheduling throughput (" + minions + " pods, 50 at a time)",
            String.format(Locale.ROOT, "%.0f pods/s", BenchFigures.median(throughput)),
            "—",
            "—",
            "—",
            null);
      }
    }
    figures.add(
        "scale: JVM resident memory at " + nodes + " nodes",
        BenchFigures.mebibytes((long) BenchFigures.median(jvmKib)),
        "—",
        "—",
        "—",
        null);
    figures.add(
        "scale: control-plane processes' resident memory at " + nodes + " nodes",
        BenchFigures.mebibytes((long) BenchFigures.median(processKib)),
        "—",
        "—",
        "—",
        null);
    System.out.println();
    figures.publish(System.out);
    System.out.println("reports: " + directory.toAbsolutePath());
  }

  private static String summary(BenchmarkReport saturation, BenchmarkReport latency) {
    var startup =
        latency
            .controlPlane()
            .map(
                f ->
                    String.format(
                        Locale.ROOT,
                        "pod start-up p99 %.0f ms",
                        f.podStartup().createdToRunning().p99Ms()))
            .orElse("no pod start-up");
    var api =
        saturation
            .controlPlane()
            .flatMap(ControlPlaneFigures::apiServerLatency)
            .map(
                l ->
                    String.format(
                        Locale.ROOT,
                        "API p99 mutating %.0f ms / read %.0f ms",
                        l.mutatingP99Ms(),
                        l.readP99Ms()))
            .orElse("no API latency");
    var scheduling =
        saturation
            .controlPlane()
            .flatMap(ControlPlaneFigures::schedulingThroughput)
            .map(t -> String.format(Locale.ROOT, "scheduling %.0f pods/s", t))
            .orElse("no scheduling throughput");
    return startup + ", " + api + ", " + scheduling;
  }

  private static double startup(ControlPlaneFigures figures, String percentile) {
    var total = figures.podStartup().createdToRunning();
    return switch (percentile) {
      case "p50" -> total.p50Ms();
      case "p90" -> total.p90Ms();
      default -> total.p99Ms();
    };
  }

  private static double median(
      List<ControlPlaneFigures> planes, Function<ControlPlaneFigures, Double> value) {
    return BenchFigures.median(planes.stream().map(value).toList());
  }

  private static String milliseconds(double millis) {
    return String.format(Locale.ROOT, "%.0f ms", millis);
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }
}
