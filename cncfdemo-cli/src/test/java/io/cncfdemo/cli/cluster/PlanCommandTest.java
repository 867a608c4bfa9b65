package io.cncfdemo.cli.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ErrorCounts;
import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.Latency;
import io.cncfdemo.benchmark.RunMetadata;
import io.cncfdemo.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cncfdemo plan --compare}: one cluster planned on every provider, without credentials. */
class PlanCommandTest {
  @TempDir Path directory;

  @Test
  void compare_plansTheSameClusterOnEveryProvider_sideBySide() {
    var run =
        CliRun.run(
            directory, "plan", "--compare", "local,aws,azure,gcp,bare-metal", "--minions", "3");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.err()).isEmpty();
    var lines = run.out().lines().toList();
    assertThat(lines.get(0)).isEqualTo("Cluster cncfdemo: 1 master, 3 minions on 5 providers:");
    assertThat(lines.get(1))
        .isEqualTo(
            "PROVIDER   TARGET                       RESOURCES  USD/HOUR  USD/MONTH  LARGEST COST");
    assertThat(lines.get(2)).startsWith("local      local()").contains("0.0000       0.00  -");
    assertThat(lines.get(3))
        .startsWith("aws        aws().region(\"us-west-2\")")
        .endsWith("AutoScalingGroup cncfdemo-minions: 3 x t3.medium (on demand)");
    assertThat(lines.get(4))
        .startsWith("azure      azure().location(\"westus2\")")
        .contains("3 x Standard_D2s_v5");
    assertThat(lines.get(5))
        .startsWith("gcp        gcp().zone(\"us-central1-a\")")
        .endsWith("3 x e2-standard-2");
    assertThat(lines.get(6))
        .isEqualTo(
            "baremetal  needs the servers to plan on: give --hosts h1,h2,... or --inventory FILE");
    assertThat(run.out()).contains("prices of aws: AWS on-demand prices, us-west-2");
  }

  @Test
  void withoutCompare_everyPublishedProvider_andWithServers_bareMetalToo() {
    var run =
        CliRun.run(
            directory,
            "plan",
            "--minions",
            "2",
            "--hosts",
            "10.0.0.1,10.0.0.2,10.0.0.3",
            "--hourly-cost",
            "0.5");

    assertThat(run.exitCode()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("Cluster cncfdemo: 1 master, 2 minions on 5 providers:")
        .containsPattern("(?m)^baremetal  bareMetal\\(\"10.0.0.1\", .*  1.5000 ")
        .contains("\nlocal ", "\naws ", "\nazure ", "\ngcp ");
  }

  @Test
  void givenAReport_costPerMillionRequests_andAnHtmlPage() throws Exception {
    var report = directory.resolve("run.json");
    report(100).saveJson(report);
    var html = directory.resolve("plans.html");

    var run =
        CliRun.run(
            directory,
            "plan",
            "--compare",
            "local,gcp",
            "--report",
            report.toString(),
            "--save-html",
            html.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    // gcp: 0.3297 USD an hour for 360,000 requests
    assertThat(run.out())
        .contains(
            "USD/1M REQUESTS",
            "           0.9159  Instance",
            "USD/1M REQUESTS: the hourly cost per million requests at 100.0 requests/s, the"
                + " throughput of benchmark run local run (local())",
            "HTML comparison: " + html);
    assertThat(Files.readString(html))
        .contains(
            "<title>Plans compared: local vs gcp</title>", "data-value=\"0.915934\">$0.9159</td>");
  }

  @Test
  void badInput_isRefusedVerbatim_withExitCode2() {
    assertThat(CliRun.run(directory, "plan", "--compare", "local,nowhere").err())
        .isEqualTo(
            "error: --compare must be providers among aws, azure, bare-metal, gcp, local, was"
                + " \"nowhere\"\n");
    assertThat(CliRun.run(directory, "plan", "--compare", "aws,gcp,aws").err())
        .isEqualTo("error: --compare must be each provider at most once, was \"aws,gcp,aws\"\n");
    assertThat(CliRun.run(directory, "plan", "--minions", "0").err())
        .isEqualTo("error: minions must be between 1 and 1000, was 0\n");
    assertThat(CliRun.run(directory, "plan", "--minions", "many").err())
        .startsWith("error: Invalid value for option '--minions': 'many' is not an int");
    var onlyBareMetal = CliRun.run(directory, "plan", "--compare", "bare-metal");
    assertThat(onlyBareMetal.exitCode()).isEqualTo(2);
    assertThat(onlyBareMetal.err())
        .isEqualTo(
            "error: no provider could plan the cluster (baremetal: needs the servers to plan on:"
                + " give --hosts h1,h2,... or --inventory FILE)\n");
    var missing =
        CliRun.run(directory, "plan", "--report", directory.resolve("no.json").toString());
    assertThat(missing.exitCode()).isEqualTo(2);
    assertThat(missing.err())
        .startsWith("error: " + directory.resolve("no.json") + ": no such file");
  }

  private static BenchmarkReport report(double requestsPerSecond) {
    var metadata =
        new RunMetadata(
            "local run",
            "local-20261201-101530-9f3a",
            "2026-12-01T10:15:30Z",
            "local",
            "local()",
            Optional.empty(),
            Optional.of("cncfdemo"),
            Optional.of("v1.35.4"),
            4,
            Map.of(),
            List.of("countly()"));
    var http =
        new HttpFigures(
            "constant-rate generator",
            "constant rate, corrected",
            "direct",
            60,
            (long) (requestsPerSecond * 60),
            requestsPerSecond,
            1_000_000,
            new ErrorCounts(0, 0, 0, 0, 0),
            new Latency(1, 2, 3, 4, 5, 1.5),
            Optional.empty(),
            OptionalInt.empty(),
            8,
            1,
            List.of());
    return new BenchmarkReport(
        BenchmarkReport.SCHEMA_VERSION,
        metadata,
        Optional.of(http),
        Optional.empty(),
        List.of(),
        Optional.empty(),
        List.of());
  }
}
