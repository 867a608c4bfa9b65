package io.cncfdemo.cli.live;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.CliRun;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {

  @Test
  void aSavedRun_isShownAsItsTimeline_withoutTheSamples(@TempDir Path home) {
    var file = home.resolve("run.jsonl");
    try (var stream =
        EventStream.create(Clock.fixed(Instant.parse("2026-12-01T11:00:00Z"), ZoneOffset.UTC))) {
      stream.saveTo(file);
      stream.publish(new Payload.StageStarted("FOUNDATION", List.of("Namespace demo")));
      stream.publish(new Payload.Sample("throughput", "requests/s", 1, 100));
      stream.publish(new Payload.StageReady("FOUNDATION", 0.5));
    }

    var run = CliRun.run(home, "replay", file.toString());

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .isEqualTo(
            "     +0.0 s  stage-started   stage=FOUNDATION, objects=[Namespace demo]\n"
                + "     +0.0 s  stage-ready     stage=FOUNDATION, seconds=0.5\n"
                + "3 events (1 samples); view them with: cncfdemo replay "
                + file
                + " --ui\n");
  }

  @Test
  void aFileThatIsNoEventFile_isRefused_namingTheLine(@TempDir Path home) throws Exception {
    var file = Files.writeString(home.resolve("run.jsonl"), "{\"hello\":1}\n");

    var run = CliRun.run(home, "replay", file.toString());

    assertThat(run.exitCode()).isNotZero();
    assertThat(run.err())
        .contains(
            file + " line 1 must be a JSON object with id, at and kind, was \"{\"hello\":1}\"");
  }

  @Test
  void theLongVerbs_takeUiAndSaveEvents() {
    for (var verb : List.of("bootstrap", "start", "benchmark")) {
      var run = CliRun.run(Path.of("target"), verb, "--help");
      assertThat(run.out()).as(verb).contains("--ui", "--save-events=FILE");
    }
  }
}
