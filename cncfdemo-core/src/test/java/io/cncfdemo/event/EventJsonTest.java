package io.cncfdemo.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventJsonTest {
  private static final Instant AT = Instant.parse("2026-12-01T11:00:00.250Z");

  static List<Payload> oneOfEachKind() {
    return List.of(
        new Payload.ClusterStep("create", "demo", "2/4 nodes Ready"),
        new Payload.ClusterDone("create", "demo", 12.5),
        new Payload.StageStarted(
            "DATASTORE", List.of("StatefulSet demo/mongo", "Service demo/mongo")),
        new Payload.ObjectApplied("StatefulSet demo/mongo", "DATASTORE", "CREATED"),
        new Payload.ObjectWaiting("StatefulSet demo/mongo", "1/3 replicas ready"),
        new Payload.ObjectReady("StatefulSet demo/mongo"),
        new Payload.StageReady("DATASTORE", 3.25),
        new Payload.ObjectDeleted("Service demo/mongo"),
        new Payload.DeployDone(42, 30.5),
        new Payload.PhaseStarted("http", 60),
        new Payload.Sample("throughput", "requests/s", 3, 1234.5),
        new Payload.ChaosStruck("delete one pod", "countly-api-1", 20),
        new Payload.Preempted(1.5, 2),
        new Payload.PhaseDone("http", 60.1),
        new Payload.Note("control plane skipped: no permission"),
        new Payload.ReportSaved("/tmp/report.html"),
        new Payload.BenchmarkDone("local", 1000.0, 12.0),
        new Payload.BenchmarkDone("no http", null, null),
        new Payload.Failed("deploy", "stage DATASTORE not ready after 5m"));
  }

  @Test
  void everyKind_survivesTheRoundTrip_withItsEnvelope() {
    long id = 1;
    for (var payload : oneOfEachKind()) {
      var event = new Event(id++, AT, payload);
      var line = event.toJson();

      assertThat(line)
          .startsWith(
              "{\"v\":1,\"id\":"
                  + event.id()
                  + ",\"at\":\"2026-12-01T11:00:00.250Z\",\"kind\":\""
                  + payload.kind()
                  + "\"");
      assertThat(line).doesNotContain("\n");
      assertThat(Event.fromJson(line)).isEqualTo(event);
    }
  }

  @Test
  void theKindsTable_namesEachRecordByItsOwnKind() {
    assertThat(EventJson.kinds()).hasSize(Payload.class.getPermittedSubclasses().length - 1);
    for (var payload : oneOfEachKind()) {
      assertThat(EventJson.kinds()).containsEntry(payload.kind(), payload.getClass());
    }
  }

  @Test
  void aSampleLine_isTheDocumentedForm() {
    var line = new Event(7, AT, new Payload.StageReady("FOUNDATION", 1.5)).toJson();

    assertThat(line)
        .isEqualTo(
            "{\"v\":1,\"id\":7,\"at\":\"2026-12-01T11:00:00.250Z\",\"kind\":\"stage-ready\","
                + "\"stage\":\"FOUNDATION\",\"seconds\":1.5}");
  }

  @Test
  void anUnknownKind_isKeptWithItsFields_andWrittenBackAlike() {
    var line =
        "{\"v\":2,\"id\":9,\"at\":\"2026-12-01T11:00:00.250Z\",\"kind\":\"replicas-changed\","
            + "\"deployment\":\"countly-api\",\"replicas\":4,\"gone\":null}";

    var event = Event.fromJson(line);

    assertThat(event.payload())
        .isEqualTo(
            new Payload.Unknown(
                "replicas-changed", Map.of("deployment", "countly-api", "replicas", 4)));
    assertThat(Event.fromJson(event.toJson())).isEqualTo(event);
  }

  @Test
  void unknownFieldsOfAKnownKind_areIgnored() {
    var line =
        "{\"v\":2,\"id\":1,\"at\":\"2026-12-01T11:00:00Z\",\"kind\":\"object-ready\","
            + "\"object\":\"Service demo/mongo\",\"since\":\"a newer field\"}";

    assertThat(Event.fromJson(line).payload())
        .isEqualTo(new Payload.ObjectReady("Service demo/mongo"));
  }

  @Test
  void aLineThatIsNoEvent_isRejected_namingWhatIsAllowed() {
    assertThatThrownBy(() -> Event.fromJson("not json"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("event line must be a JSON object, was \"not json\"");
    assertThatThrownBy(() -> Event.fromJson("{\"v\":1,\"id\":1,\"kind\":\"note\"}"))
        .hasMessage(
            "event line must be a JSON object with id, at and kind, was"
                + " \"{\"v\":1,\"id\":1,\"kind\":\"note\"}\"");
    assertThatThrownBy(
            () -> Event.fromJson("{\"v\":1,\"id\":1,\"at\":\"yesterday\",\"kind\":\"note\"}"))
        .hasMessage(
            "event line must be a JSON object whose at is an ISO-8601 instant, was"
                + " \"{\"v\":1,\"id\":1,\"at\":\"yesterday\",\"kind\":\"note\"}\"");
    assertThatThrownBy(
            () -> Event.fromJson("{\"id\":1,\"at\":\"2026-12-01T11:00:00Z\",\"kind\":\"note\"}"))
        .hasMessageStartingWith("event line must be a JSON object with a version v of 1 or more");
    assertThatThrownBy(
            () ->
                Event.fromJson(
                    "{\"v\":1,\"id\":1,\"at\":\"2026-12-01T11:00:00Z\",\"kind\":\"stage-ready\","
                        + "\"seconds\":\"soon\"}"))
        .hasMessageStartingWith(
            "event line must be an event whose fields fit its kind stage-ready");
  }
}
