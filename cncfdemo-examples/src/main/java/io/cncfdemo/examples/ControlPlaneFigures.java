package io.cncfdemo.examples;

import static io.cncfdemo.Providers.local;

import io.cncfdemo.Cluster;
import io.cncfdemo.examples.benchmark.BenchFigures;
import io.cncfdemo.examples.benchmark.BenchFigures.Figure;
import io.cncfdemo.local.simulated.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Measures the simulated local cluster: the time from {@code create()} to every node Ready, for
 * each node count given (default 3 and 100), {@code --runs} runs each (default 3), and the resident
 * memory of its processes once ready. The sizes issue 17 has a goal for (3 minions: 3 s, 1,000: 15
 * s) are reported to {@code scripts/bench} ({@link BenchFigures}). A benchmark main, not a test:
 * {@code java -cp … io.cncfdemo.examples.ControlPlaneFigures --runs 3 3 100}.
 */
public final class ControlPlaneFigures {
  /** The goals of issue 17, in seconds, by minions. */
  private static final Map<Integer, Double> GOALS = Map.of(3, 3.0, 1000, 15.0);

  private ControlPlaneFigures() {}

  public static void main(String[] args) throws IOException {
    int runs = BenchFigures.runs(args);
    var sizes = new ArrayList<Integer>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        i++;
      } else {
        sizes.add(Integer.valueOf(args[i]));
      }
    }
    if (sizes.isEmpty()) {
      sizes.addAll(List.of(3, 100));
    }
    var figures = new ArrayList<Figure>();
    System.out.printf("%-8s %-6s %14s %14s%n", "minions", "run", "create() ms", "RSS MiB");
    for (int minions : sizes) {
      var seconds = new ArrayList<Double>();
      for (int run = 1; run <= runs; run++) {
        long start = System.nanoTime();
        try (var cluster =
            (SimulatedCluster) Cluster.on(local()).minions(minions).named("figures").create()) {
          long millis = (System.nanoTime() - start) / 1_000_000;
          seconds.add(millis / 1000.0);
          long rss = 0;
          for (long pid : cluster.controlPlane().pids().values()) {
            rss += residentKib(pid);
          }
          System.out.printf("%-8d %-6d %14d %14d%n", minions, run, millis, rss / 1024);
        }
      }
      double median = BenchFigures.median(seconds);
      System.out.printf("%-8d median %14.0f%n", minions, median * 1000);
      var goal = GOALS.get(minions);
      if (goal != null) {
        figures.add(
            new Figure(
                "`Cluster.on(local()).minions(" + minions + ").create()` until every node is Ready",
                BenchFigures.seconds(median),
                "—",
                "—",
                "≤ " + BenchFigures.seconds(goal),
                median <= goal));
      }
    }
    BenchFigures.report(figures);
  }

  /** VmRSS of a process from /proc, in KiB. */
  private static long residentKib(long pid) throws IOException {
    for (var line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", ""));
      }
    }
    return 0;
  }
}
