package io.cncfdemo.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.benchmark.ComparedFigure;
import io.cncfdemo.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** benchmark's and compare's options and exit codes, without a cluster. */
class BenchmarkCommandTest {
  @TempDir Path directory;

  @Test
  void badBenchmarkSettings_exitWith2_withTheLibrarysMessage_beforeAnyClusterIsNeeded() {
    assertUsage(
        CliRun.run(directory, "benchmark", "--time", "0s"),
        "error: duration must be a positive duration");
    assertUsage(
        CliRun.run(directory, "benchmark", "--time", "forever"), "error: time must be a duration");
    assertUsage(CliRun.run(directory, "benchmark", "--rate", "0"), "error: rate must be between");
    assertUsage(
        CliRun.run(directory, "benchmark", "--connections", "2", "--threads", "3"), "error: ");
    assertUsage(
        CliRun.run(directory, "benchmark", "--threads", "0"), "error: threads must be between");
    assertUsage(
        CliRun.run(directory, "benchmark", "--rate", "many"),
        "error: Invalid value for option '--rate'");
    assertUsage(
        CliRun.run(directory, "benchmark", "--peak", "0"),
        "error: requestsPerSecond must be above 0 and at most 10000000, was \"0\"");
    assertUsage(
        CliRun.run(directory, "benchmark", "--peak", "100", "--time", "5s"),
        "error: total must be between 10s and 24h, was \"5s\"");
    assertUsage(
        CliRun.run(directory, "benchmark", "--peak", "100", "--no-profile"),
        "error: --peak offers a load profile, which --no-profile leaves out");
  }

  @Test
  void theStory_needsTenSecondsAtLeast_andNoProfileLeavesItOut() {
    var command = new BenchmarkCommand(null);
    new picocli.CommandLine(command)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--time", "5s");
    var benchmark =
        command.configure(
            io.cncfdemo.benchmark.Benchmark.of(
                io.cncfdemo.benchmark.LoadSources.constantRate("http://127.0.0.1:1/")));

    assertThatThrownBy(() -> command.story(benchmark, true))
        .isInstanceOf(io.cncfdemo.cli.common.UsageException.class)
        .hasMessage(
            "--time must be at least 10s for the load profile (idle, the peak, idle), was 5s;"
                + " --no-profile runs the steady benchmark");
    var steady = new BenchmarkCommand(null);
    new picocli.CommandLine(steady)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--time", "5s", "--no-profile");
    assertThat(steady.story(benchmark, true)).isSameAs(benchmark);
  }

  @Test
  void onTheSimulatedCluster_theBenchmarkTellsTheStory_withAProfileOverTime_andChaosAtThePeak() {
    var command = new BenchmarkCommand(null);
    new picocli.CommandLine(command)
        .setCaseInsensitiveEnumValuesAllowed(true)
        .parseArgs("--time", "2m");
    var benchmark =
        command.story(
            command.configure(
                io.cncfdemo.benchmark.Benchmark.of(
                    io.cncfdemo.benchmark.LoadSources.constantRate("http://127.0.0.1:1/"))),
            true);

    assertThat(benchmark.loadProfile())
        .hasValueSatisfying(
            profile -> {
              assertThat(profile.peakRequestsPerSecond()).isEqualTo(BenchmarkCommand.DEFAULT_PEAK);
              assertThat(profile.duration()).isEqualTo(java.time.Duration.ofMinutes(2));
            });
    assertThat(benchmark.toString()).contains("chaos: [delete one pod of Deployment countly-api]");
    assertThat(
            command
                .story(
                    command.configure(
                        io.cncfdemo.benchmark.Benchmark.of(
                            io.cncfdemo.benchmark.LoadSources.constantRate("http://127.0.0.1:1/"))),
                    false)
                .loadProfile())
        .as("a real cluster without --peak: the HTTP benchmark as before")
        .isEmpty();
  }

  @Test
  void validBenchmarkSettings_goOnToTheCluster() {
    var run =
        CliRun.run(
            directory,
            "benchmark",
            "--time",
            "30s",
            "--rate",
            "100",
            "--connections",
            "8",
            "--threads",
            "4",
            "--chaos");
    assertThat(run.exitCode()).isEqualTo(2);
    assertThat(run.err()).startsWith("error: no cluster to talk to");
  }

  @Test
  void compare_namesAMissingOrInvalidFile_andExitsWith2() throws Exception {
    var missing =
        CliRun.run(
            directory,
            "compare",
            directory.resolve("absent.json").toString(),
            "--save-html",
            directory.resolve("c.html").toString());
    assertUsage(missing, "error: " + directory.resolve("absent.json") + ": no such file");
    var invalid = Files.writeString(directory.resolve("invalid.json"), "{not json");
    assertUsage(
        CliRun.run(
            directory,
            "compare",
            invalid.toString(),
            "--save-html",
            directory.resolve("c.html").toString()),
        "error: " + invalid);
    var other = Files.writeString(directory.resolve("other.json"), "{\"a\": 1}");
    assertUsage(
        CliRun.run(
            directory,
            "compare",
            other.toString(),
            "--save-html",
            directory.resolve("c.html").toString()),
        "error: " + other + " is not a cncfdemo benchmark report");
    assertUsage(
        CliRun.run(directory, "compare", other.toString()),
        "error: Missing required option: '--save-html=FILE'");
    assertUsage(
        CliRun.run(directory, "compare", "--save-html", "c.html"),
        "error: Missing required parameter");
    assertThat(directory.resolve("c.html")).doesNotExist();
  }

  @Test
  void compareTable_hasAColumnPerRun_andMarksTheBest() {
    var table =
        CompareCommand.table(
            List.of("local", "aws us-west-2"),
            List.of(
                new ComparedFigure(
                    "requests/s",
                    "1/s",
                    true,
                    List.of(OptionalDouble.of(1200.5), OptionalDouble.of(900))),
                new ComparedFigure(
                    "p99 latency",
                    "ms",
                    false,
                    List.of(OptionalDouble.of(12.25), OptionalDouble.empty()))));
    assertThat(table)
        .isEqualTo(
            """
            FIGURE                local   aws us-west-2
            requests/s (1/s)   1200.5 *             900
            p99 latency (ms)      12.25               -
            """);
  }

  private static void assertUsage(CliRun run, String error) {
    assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
    assertThat(run.err()).startsWith(error);
  }
}
