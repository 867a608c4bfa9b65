package io.cncfdemo.internal.benchmark.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.benchmark.ChaosEvent;
import io.cncfdemo.benchmark.TimelineEvent;
import io.cncfdemo.benchmark.TimelineSample;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The recorder on a cluster's answers, replayed by a mock API server: the HPA, the Deployment, the
 * metrics API's PodMetrics (in nanocores), BOINC's pods, and the events as a real cluster has them
 * (the scheduler's with eventTime only, the HPA's with timestamps). The answers are written by hand
 * in those shapes, so that each tick's figures are known; {@code AutoscalingStoryIT} runs the
 * recorder against the simulated cluster's real API server and metrics-server.
 */
@EnableKubernetesMockClient
class TimelineRecorderTest {
  private static final String NS = "/namespaces/cncfdemo";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  static KubernetesMockServer server;
  static KubernetesClient client;

  @Test
  void theClustersStates_becomeTheSeries_andTheEventsMarkTheTimeAxis() throws IOException {
    var recording = recording();
    var ticks = recording.get("ticks");
    for (var tick : ticks) {
      replay("/apis/apps/v1" + NS + "/deployments/countly-api", tick.get("deployment"));
      replay(
          "/apis/autoscaling/v2" + NS + "/horizontalpodautoscalers/countly-api", tick.get("hpa"));
      replay(
          "/apis/metrics.k8s.io/v1beta1"
              + NS
              + "/pods?labelSelector=app.kubernetes.io%2Fname%3Dcountly-api",
          tick.get("podMetrics"));
      replay(
          "/api/v1" + NS + "/pods?labelSelector=app.kubernetes.io%2Fname%3Dboinc",
          tick.get("backgroundPods"));
    }
    replay("/api/v1" + NS + "/events", recording.get("events"));
    var clock = new AtomicLong();
    var recorder =
        new TimelineRecorder(
            client,
            "cncfdemo",
            "countly-api",
            Duration.ofSeconds(2),
            seconds -> seconds >= 2 && seconds < 15 ? 400 : 0,
            clock::get);
    var heard = new java.util.ArrayList<TimelineSample>();
    recorder.onSample(heard::add);
    recorder.startAt(0, Instant.parse(recording.get("start").asString()));
    for (int i = 0; i < ticks.size(); i++) {
      clock.set(Duration.ofSeconds(2L * i).toNanos());
      recorder.sampleNow();
    }
    var chaos =
        new ChaosEvent(
            "delete one pod of Deployment countly-api",
            "countly-api-6d5f8b7c9-fffff",
            10.5,
            0,
            0,
            OptionalDouble.empty(),
            OptionalDouble.empty(),
            OptionalDouble.of(3.2));

    var timeline = recorder.stop("wrk 4.2 in the cluster against countly-api", 15, List.of(chaos));

    assertThat(timeline.samples()).hasSize(10);
    assertThat(heard).as("each sample told as it was taken").isEqualTo(timeline.samples());
    assertThat(timeline.samples())
        .extracting(TimelineSample::desiredReplicas)
        .containsExactly(2, 2, 6, 6, 6, 6, 6, 6, 6, 2);
    assertThat(timeline.samples())
        .extracting(TimelineSample::readyReplicas)
        .containsExactly(2, 2, 2, 4, 6, 6, 5, 6, 6, 2);
    assertThat(timeline.samples())
        .extracting(TimelineSample::backgroundPodsRunning)
        .containsExactly(10, 10, 10, 7, 6, 6, 6, 6, 6, 10);
    assertThat(timeline.samples())
        .extracting(TimelineSample::offeredRequestsPerSecond)
        .containsExactly(0.0, 400.0, 400.0, 400.0, 400.0, 400.0, 400.0, 400.0, 0.0, 0.0);
    var atPeak = timeline.samples().get(2);
    assertThat(atPeak.cpuMillicoresPerReplica().getAsDouble()).isCloseTo(352.5, within());
    assertThat(atPeak.cpuPercentPerReplica().getAsDouble())
        .as("of the 250m request")
        .isCloseTo(141.0, within());
    assertThat(timeline.cpuTargetPercent()).hasValue(70);
    assertThat(timeline.events())
        .extracting(TimelineEvent::kind, TimelineEvent::atSeconds)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.SCALE_UP, 4.0),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.PREEMPTED, 6.412),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.PREEMPTED, 6.412),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.PREEMPTED, 7.412),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.PREEMPTED, 7.412),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.CHAOS, 10.5),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.RECOVERED, 14.0),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.LOAD_END, 15.0),
            org.assertj.core.groups.Tuple.tuple(TimelineEvent.SCALE_DOWN, 18.0));
    assertThat(timeline.events(TimelineEvent.PREEMPTED))
        .first()
        .satisfies(
            event -> {
              assertThat(event.object()).isEqualTo("pod/boinc-5c7d9f-11");
              assertThat(event.message()).startsWith("Preempted by pod 7b1c2d3e");
            });
    assertThat(timeline.recoverySeconds())
        .as("6 ready before the strike at 10.5 s, 5 at 12 s, 6 again at 14 s")
        .hasValue(3.5);
    assertThat(timeline.events(TimelineEvent.SCALE_UP))
        .singleElement()
        .as("the HPA's event of an hour before the run is left out")
        .satisfies(event -> assertThat(event.message()).startsWith("New size: 6"));
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(0.01);
  }

  private static void replay(String path, JsonNode body) {
    server.expect().get().withPath(path).andReturn(200, JSON.writeValueAsString(body)).once();
  }

  private static JsonNode recording() throws IOException {
    try (InputStream in =
        TimelineRecorderTest.class.getResourceAsStream("api-responses-k8s-1.35.json")) {
      return JSON.readTree(in);
    }
  }
}
