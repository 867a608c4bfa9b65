package io.cncfdemo.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.event.Event;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.junit.LocalCluster;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code start} and {@code benchmark} with {@code --ui --save-events} against a simulated cluster:
 * the page's address is printed, the file holds every stage turning ready, the benchmark's phases
 * and its report, and {@code replay} reads it back.
 */
@LocalCluster(minions = 2, nodeCpu = "8", nodeMemory = "32Gi", name = "clilive")
class LiveOptionsIT {
  @TempDir Path directory;

  @Test
  void startAndBenchmark_publishTheirEvents_toThePageAndTheFile(RunningCluster cluster) {
    var kubeconfig = cluster.kubeconfig().toString();
    var startEvents = directory.resolve("start.jsonl");
    var start =
        CliRun.run(
            directory,
            "start",
            "--apps",
            "countly,mongo-sharded=1",
            "-n",
            "live",
            "--ui",
            "--save-events",
            startEvents.toString(),
            "--kubeconfig",
            kubeconfig);

    assertThat(start.exitCode()).as(start.err()).isZero();
    assertThat(start.err())
        .containsPattern("Live view: http://127\\.0\\.0\\.1:\\d+/[0-9a-f]{32}/\n");
    var deployed = EventStream.read(startEvents);
    assertThat(deployed.stream().map(Event::payload).filter(Payload.StageReady.class::isInstance))
        .extracting(payload -> ((Payload.StageReady) payload).stage())
        .containsExactly("FOUNDATION", "MONITORING", "DATASTORE", "INITIALIZATION", "APPLICATION");
    assertThat(deployed).last().extracting(Event::kind).isEqualTo("note");

    var benchmarkEvents = directory.resolve("benchmark.jsonl");
    var benchmark =
        CliRun.run(
            directory,
            "benchmark",
            "--time",
            "3s",
            "--no-profile",
            "-n",
            "live",
            "--save-events",
            benchmarkEvents.toString(),
            "--kubeconfig",
            kubeconfig);

    assertThat(benchmark.exitCode()).as(benchmark.err()).isZero();
    var kinds = EventStream.read(benchmarkEvents).stream().map(Event::kind).toList();
    assertThat(kinds).contains("phase-started", "phase-done", "benchmark-done", "report-saved");
    assertThat(directory.resolve("benchmark.jsonl.report.html")).isNotEmptyFile();

    var replay = CliRun.run(directory, "replay", startEvents.toString());
    assertThat(replay.exitCode()).isZero();
    assertThat(replay.out())
        .contains("stage-ready     stage=APPLICATION", deployed.size() + " events");
  }
}
