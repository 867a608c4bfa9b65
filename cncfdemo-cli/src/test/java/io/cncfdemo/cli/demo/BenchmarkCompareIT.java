package io.cncfdemo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.junit.LocalCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start}, {@code benchmark} and {@code compare} against a simulated cluster, run in this
 * JVM: the report has the control-plane and cost parts (no HTTP load runs there), is saved as JSON
 * and HTML, and two runs compare.
 */
@LocalCluster(minions = 2, nodeCpu = "8", nodeMemory = "32Gi", name = "clibench")
class BenchmarkCompareIT {
  @TempDir Path directory;

  @Test
  void start_thenBenchmark_savesTheReport_thenCompareTwoRuns(RunningCluster cluster)
      throws Exception {
    var kubeconfig = cluster.kubeconfig().toString();
    var start = cncfdemo(kubeconfig, "start", "--apps", "countly,mongo-sharded=1", "-n", "bench");
    assertThat(start.exitCode()).as(start.err()).isZero();

    var noDemo = cncfdemo(kubeconfig, "benchmark", "--time", "5s", "-n", "nothing-here");
    assertThat(noDemo.exitCode()).isEqualTo(1);
    assertThat(noDemo.err())
        .isEqualTo(
            "error: no demo started by cncfdemo in namespace nothing-here; start one with: cncfdemo"
                + " start -n nothing-here\n");

    var json = directory.resolve("a.json");
    var html = directory.resolve("out/a.html");
    var benchmark =
        cncfdemo(
            kubeconfig,
            "benchmark",
            "--time",
            "5s",
            "-n",
            "bench",
            "--no-profile",
            "--name",
            "run a",
            "--save-json",
            json.toString(),
            "--save-html",
            html.toString());
    assertThat(benchmark.exitCode()).as(benchmark.err()).isZero();
    assertThat(benchmark.out())
        .contains(
            "control plane: about",
            "benchmark done",
            "Benchmark run a (run ",
            "Pod start-up:",
            "API latency:",
            "Cost:",
            "Notes:",
            "HTTP benchmark left out",
            "JSON report: " + json,
            "HTML report: " + html);
    assertThat(html).isNotEmptyFile();
    var report = BenchmarkReport.read(json);
    assertThat(report.metadata().name()).isEqualTo("run a");
    assertThat(report.controlPlane()).isPresent();
    assertThat(report.cost()).isPresent();

    var second =
        Files.writeString(
            directory.resolve("b.json"), Files.readString(json).replace("\"run a\"", "\"run b\""));
    var comparison = directory.resolve("c.html");
    var compare =
        cncfdemo(
            kubeconfig,
            "compare",
            json.toString(),
            second.toString(),
            "--save-html",
            comparison.toString());
    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out())
        .startsWith("FIGURE")
        .contains("run a", "run b", "HTML comparison: " + comparison);
    assertThat(comparison).isNotEmptyFile();
  }

  private CliRun cncfdemo(String kubeconfig, String... args) {
    var all = new ArrayList<>(List.of(args));
    if (!args[0].equals("compare")) {
      all.addAll(List.of("--kubeconfig", kubeconfig));
    }
    var run = CliRun.run(directory, all.toArray(String[]::new));
    System.out.println("$ cncfdemo " + String.join(" ", args) + "\n" + run.out() + run.err());
    return run;
  }
}
