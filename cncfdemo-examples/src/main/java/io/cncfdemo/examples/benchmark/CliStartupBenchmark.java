package io.cncfdemo.examples.benchmark;

import io.cncfdemo.examples.benchmark.BenchFigures.Figure;
import java.io.File;
import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How fast the {@code cncfdemo} command starts, whole process, beside kubectl in the same run:
 * {@code create configmap x --from-literal=a=b --dry-run=client -o yaml} and {@code --help}, wall
 * time and CPU time (user and system, of the process and its children, from {@code /proc}), medians
 * of {@code --runs} runs after one untimed run (which makes the start-up cache the first time). The
 * command is {@code scripts/cncfdemo} ({@code --script PATH}) with the java it finds, and once more
 * with each {@code --java PATH}. A benchmark main, not a test: {@code java -cp …
 * io.cncfdemo.examples.benchmark.CliStartupBenchmark --runs 5 [--java /usr/lib/jvm/…/bin/java]}.
 */
public final class CliStartupBenchmark {
  /** The goal of issue 17: the command is done within a quarter of a second. */
  static final double GOAL_SECONDS = 0.25;

  private static final List<String> CREATE =
      List.of("create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "yaml");
  private static final List<String> HELP = List.of("--help");

  private CliStartupBenchmark() {}

  /** Wall and CPU seconds of one run. */
  record Timing(double wallSeconds, double cpuSeconds) {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int runs = BenchFigures.runs(args);
    var scripts = BenchFigures.values(args, "--script");
    var script = Path.of(scripts.isEmpty() ? "scripts/cncfdemo" : scripts.get(0)).toAbsolutePath();
    var javas = new ArrayList<String>();
    javas.add("");
    javas.addAll(BenchFigures.values(args, "--java"));
    var figures = new ArrayList<Figure>();
    for (var command : List.of(CREATE, HELP)) {
      var kubectl = median(runs, prepend("kubectl", command), Map.of());
      for (var java : javas) {
        var environment = java.isEmpty() ? Map.<String, String>of() : Map.of("CNCFDEMO_JAVA", java);
        var ours = median(runs, prepend(script.toString(), command), environment);
        var label =
            java.isEmpty() ? "" : " (" + Path.of(java).getParent().getParent().getFileName() + ")";
        figures.add(
            new Figure(
                "`cncfdemo " + String.join(" ", command) + "`, whole process" + label,
                String.format(
                    Locale.ROOT,
                    "%s wall, %s CPU",
                    BenchFigures.seconds(ours.wallSeconds()),
                    BenchFigures.seconds(ours.cpuSeconds())),
                String.format(
                    Locale.ROOT,
                    "kubectl: %s wall, %s CPU",
                    BenchFigures.seconds(kubectl.wallSeconds()),
                    BenchFigures.seconds(kubectl.cpuSeconds())),
                BenchFigures.ratio(ours.wallSeconds(), kubectl.wallSeconds(), "kubectl"),
                "≤ " + BenchFigures.seconds(GOAL_SECONDS) + " wall",
                ours.wallSeconds() <= GOAL_SECONDS));
      }
    }
    BenchFigures.report(figures);
  }

  private static List<String> prepend(String first, List<String> rest) {
    var all = new ArrayList<String>();
    all.add(first);
    all.addAll(rest);
    return all;
  }

  /** The medians of wall and CPU time over the runs, after one untimed run. */
  private static Timing median(int runs, List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    var ignored = once(command, environment);
    var wall = new ArrayList<Double>();
    var cpu = new ArrayList<Double>();
    for (int run = 0; run < runs; run++) {
      var timing = once(command, environment);
      wall.add(timing.wallSeconds());
      cpu.add(timing.cpuSeconds());
      System.out.printf(
          Locale.ROOT,
          "%s: %.3f s wall, %.3f s CPU%n",
          String.join(" ", command),
          timing.wallSeconds(),
          timing.cpuSeconds());
    }
    return new Timing(BenchFigures.median(wall), BenchFigures.median(cpu));
  }

  private static Timing once(List<String> command, Map<String, String> environment)
      throws IOException, InterruptedException {
    var builder =
        new ProcessBuilder(command)
            .redirectOutput(Redirect.to(new File("/dev/null")))
            .redirectError(Redirect.INHERIT);
    var variables = new HashMap<>(builder.environment());
    variables.putAll(environment);
    builder.environment().putAll(variables);
    double cpuBefore = childrenCpuSeconds();
    long start = System.nanoTime();
    var process = builder.start();
    int code = process.waitFor();
    double wall = (System.nanoTime() - start) / 1e9;
    if (code != 0) {
      throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
    }
    return new Timing(wall, childrenCpuSeconds() - cpuBefore);
  }

  /**
   * User and system time of this process's waited-for children, in seconds: fields 16 and 17 of
   * {@code /proc/self/stat}, in clock ticks of 1/100 s.
   */
  private static double childrenCpuSeconds() throws IOException {
    var stat = Files.readString(Path.of("/proc/self/stat"));
    var fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    // fields[0] is field 3 (state): cutime is field 16, cstime field 17
    return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / 100.0;
  }
}
