package io.cncfdemo.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.benchmark.TimelineSample;
import io.cncfdemo.component.Stage;
import io.cncfdemo.deploy.Change;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.ObjectRef;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventStreamTest {
  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-12-01T11:00:00Z"), ZoneOffset.UTC);
  private static final ObjectRef MONGO = new ObjectRef("StatefulSet", "demo", "mongo");

  @Test
  void theDeployListener_publishesStagesObjectsAndWaits_onceAReason() {
    var stream = EventStream.create(CLOCK);
    var listener = stream.deployListener();

    listener.stageStarted(Stage.DATASTORE, List.of(MONGO));
    listener.objectApplied(new ObjectChange(MONGO, Stage.DATASTORE, Change.CREATED));
    listener.waiting(MONGO, "0/1 replicas ready");
    listener.waiting(MONGO, "0/1 replicas ready");
    listener.waiting(MONGO, "1/1 replicas ready, 0 updated");
    listener.objectReady(MONGO);
    listener.stageReady(Stage.DATASTORE, Duration.ofMillis(1500));
    listener.done(List.of(), Duration.ofSeconds(2));

    assertThat(stream.history())
        .extracting(Event::payload)
        .containsExactly(
            new Payload.StageStarted("DATASTORE", List.of("StatefulSet demo/mongo")),
            new Payload.ObjectApplied("StatefulSet demo/mongo", "DATASTORE", "CREATED"),
            new Payload.ObjectWaiting("StatefulSet demo/mongo", "0/1 replicas ready"),
            new Payload.ObjectWaiting("StatefulSet demo/mongo", "1/1 replicas ready, 0 updated"),
            new Payload.ObjectReady("StatefulSet demo/mongo"),
            new Payload.StageReady("DATASTORE", 1.5),
            new Payload.DeployDone(0, 2.0));
    assertThat(stream.history()).extracting(Event::id).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L);
    assertThat(stream.history()).extracting(Event::at).containsOnly(CLOCK.instant());
  }

  @Test
  void theBenchmarkListener_publishesASamplePerSecond_ofTheHttpPhaseOnly() {
    var stream = EventStream.create(CLOCK);
    var listener = stream.benchmarkListener();

    listener.phaseStarted(BenchmarkPhase.HTTP, Duration.ofSeconds(10));
    listener.progress(
        new BenchmarkProgress(
            BenchmarkPhase.HTTP,
            Duration.ofSeconds(1),
            Duration.ofSeconds(9),
            OptionalDouble.of(500),
            0));
    listener.progress(
        new BenchmarkProgress(
            BenchmarkPhase.HTTP,
            Duration.ofSeconds(2),
            Duration.ofSeconds(8),
            OptionalDouble.of(400),
            30));
    listener.chaosStruck("delete one pod", "api-1", Duration.ofMillis(1500));
    listener.phaseDone(BenchmarkPhase.HTTP, Duration.ofSeconds(10));
    listener.phaseStarted(BenchmarkPhase.CONTROL_PLANE, Duration.ofSeconds(5));
    listener.progress(
        new BenchmarkProgress(
            BenchmarkPhase.CONTROL_PLANE,
            Duration.ofSeconds(1),
            Duration.ofSeconds(4),
            OptionalDouble.empty(),
            0));

    assertThat(stream.history())
        .extracting(Event::payload)
        .containsExactly(
            new Payload.PhaseStarted("http", 10),
            new Payload.Sample("throughput", "requests/s", 1, 500),
            new Payload.Sample("throughput", "errors/s", 1, 0),
            new Payload.Sample("throughput", "requests/s", 2, 400),
            new Payload.Sample("throughput", "errors/s", 2, 30),
            new Payload.ChaosStruck("delete one pod", "api-1", 1.5),
            new Payload.PhaseDone("http", 10),
            new Payload.PhaseStarted("control plane", 5));
  }

  @Test
  void aTimelineSample_becomesPointsOfTheThroughputReplicasAndBoincCharts() {
    var stream = EventStream.create(CLOCK);

    stream
        .benchmarkListener()
        .sampled(
            new TimelineSample(
                4.0,
                400,
                OptionalDouble.empty(),
                6,
                4,
                OptionalDouble.of(352.5),
                OptionalDouble.of(141),
                7));

    assertThat(stream.history())
        .extracting(Event::payload)
        .containsExactly(
            new Payload.Sample("throughput", "offered/s", 4, 400),
            new Payload.Sample("replicas", "desired", 4, 6),
            new Payload.Sample("replicas", "ready", 4, 4),
            new Payload.Sample("boinc", "running", 4, 7));
  }

  @Test
  void clusterSteps_areTheProvidersProgressMessages() {
    var stream = EventStream.create(CLOCK);

    stream.clusterSteps("create", "demo").accept("API answers: v1.35.4");

    assertThat(stream.history().get(0).payload())
        .isEqualTo(new Payload.ClusterStep("create", "demo", "API answers: v1.35.4"));
  }

  @Test
  void aSavedStream_isReplayedWithItsNumbersAndTimes(@TempDir Path dir) throws Exception {
    var file = dir.resolve("run.jsonl");
    var stream = EventStream.create(CLOCK);
    stream.publish(new Payload.Note("before the file"));
    stream.saveTo(file);
    stream.publish(new Payload.Note("after"));
    stream.failed("deploy", new IllegalStateException("stage DATASTORE not ready"));
    stream.close();
    stream.publish(new Payload.Note("ignored: the stream is closed"));

    assertThat(Files.readAllLines(file)).hasSize(3);
    var replayed = EventStream.replay(file);
    assertThat(replayed.history()).isEqualTo(stream.history());
    assertThat(replayed.isClosed()).isTrue();
    assertThat(replayed.history().get(2).payload())
        .isEqualTo(new Payload.Failed("deploy", "stage DATASTORE not ready"));
  }

  @Test
  void aFileWithABadLine_isRejected_namingTheLine(@TempDir Path dir) throws Exception {
    var file = dir.resolve("run.jsonl");
    Files.writeString(
        file, new Event(1, CLOCK.instant(), new Payload.Note("fine")).toJson() + "\n\n{oops\n");

    assertThatThrownBy(() -> EventStream.read(file))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage(file + " line 3 must be a JSON object, was \"{oops\"");
  }

  @Test
  void follow_givesTheBacklogAfterAnId_thenEveryNewEvent() {
    var stream = EventStream.create(CLOCK);
    stream.publish(new Payload.Note("one"));
    stream.publish(new Payload.Note("two"));
    var heard = new ArrayList<Event>();

    var backlog = stream.follow(1, heard::add);
    stream.publish(new Payload.Note("three"));

    assertThat(backlog).extracting(Event::id).containsExactly(2L);
    assertThat(heard).extracting(Event::id).containsExactly(3L);
  }

  @Test
  void aFailingFollower_neitherStopsThePublisherNorHearsMore() {
    var stream = EventStream.create(CLOCK);
    var calls = new ArrayList<Long>();
    var unused =
        stream.follow(
            0,
            event -> {
              calls.add(event.id());
              throw new IllegalStateException("broken");
            });

    stream.publish(new Payload.Note("one"));
    stream.publish(new Payload.Note("two"));

    assertThat(calls).containsExactly(1L);
    assertThat(stream.history()).hasSize(2);
  }
}
