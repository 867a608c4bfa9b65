package io.cncfdemo.examples;

import static io.cncfdemo.Providers.local;

import io.cncfdemo.Cluster;
import io.cncfdemo.local.simulated.SimulatedCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the simulated local cluster: the time from {@code create()} to every node Ready, for
 * each node count given (default 3 and 100), several runs each, and the resident memory of its
 * processes once ready. A benchmark main, not a test: {@code java -cp …
 * io.cncfdemo.examples.ControlPlaneFigures 3 100}.
 */
public final class ControlPlaneFigures {
  private static final int RUNS = 3;

  private ControlPlaneFigures() {}

  public static void main(String[] args) throws IOException {
    var sizes =
        args.length == 0
            ? List.of(3, 100)
            : java.util.Arrays.stream(args).map(Integer::valueOf).toList();
    System.out.printf("%-8s %-6s %14s %14s%n", "minions", "run", "create() ms", "RSS MiB");
    for (int minions : sizes) {
      var times = new ArrayList<Long>();
      for (int run = 1; run <= RUNS; run++) {
        long start = System.nanoTime();
        try (var cluster =
            (SimulatedCluster) Cluster.on(local()).minions(minions).named("figures").create()) {
          long millis = (System.nanoTime() - start) / 1_000_000;
          times.add(millis);
          long rss = 0;
          for (long pid : cluster.controlPlane().pids().values()) {
            rss += residentKib(pid);
          }
          System.out.printf("%-8d %-6d %14d %14d%n", minions, run, millis, rss / 1024);
        }
      }
      times.sort(Long::compare);
      System.out.printf("%-8d median %14d%n", minions, times.get(times.size() / 2));
    }
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
