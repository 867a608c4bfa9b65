package io.cncfdemo.it.benchmark;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static io.cncfdemo.benchmark.LoadProfile.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.LoadProfile;
import io.cncfdemo.benchmark.Timeline;
import io.cncfdemo.benchmark.TimelineEvent;
import io.cncfdemo.benchmark.TimelineSample;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.junit.LocalCluster;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.fabric8.kubernetes.api.model.Pod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The demo's story as one benchmark run on the simulated cluster, with the real controllers doing
 * the work: a load profile idle → peak → idle offered as simulated CPU, a Countly API pod deleted
 * at the peak. The HPA scales {@code countly-api} up by its own decision (nothing here touches its
 * replicas), the scheduler preempts BOINC pods for the new ones, the HPA scales back down after the
 * load and more BOINC pods run again; the report's JSON holds those series and its HTML, opened in
 * headless Chromium, draws them. Screenshot: {@code target/benchmark/autoscaling-report.png}.
 */
@LocalCluster(minions = 2, nodeCpu = "4", nodeMemory = "16Gi", name = "story")
class AutoscalingStoryIT {
  static final Path OUT = Path.of("target/benchmark");
  private static final Map<String, String> BOINC = Map.of("app.kubernetes.io/name", "boinc");
  private static final int MIN_REPLICAS = 2;

  /**
   * 400 requests/s × 5 ms = 2 CPUs over 250m pods at a 70% target: the HPA wants its maximum. The
   * benchmark first waits for the metrics API to report countly-api's pods; the idle tail leaves
   * the HPA time to scale down (metrics resolution, sync period, 5 s stabilization).
   */
  private static final LoadProfile PROFILE =
      LoadProfile.steps(
          step(Duration.ofSeconds(6), 0),
          step(Duration.ofSeconds(20), 400),
          step(Duration.ofSeconds(24), 0));

  @Test
  void oneRun_scalesCountlyByTheHpa_preemptsBoinc_recoversFromChaos_andTheReportDrawsIt(
      RunningCluster cluster) throws Exception {
    var demo =
        Demo.with(
                countly().maxReplicas(6).scaleDownStabilization(Duration.ofSeconds(5)),
                mongoSharded(1),
                boinc()
                    .replicas(16)
                    .resources(Resources.requests("500m", "128Mi").limits("1", "256Mi")))
            .withoutMonitoring();
    var deployed = demo.deployTo(cluster, DeployOptions.defaults().withoutWaiting());
    var client = cluster.client();
    var namespace = deployed.namespace();
    Poll.with(Backoff.fixed(Duration.ofMillis(500)).deadline(Duration.ofMinutes(2)))
        .until(
            "every workload but BOINC ready, and every BOINC pod placed or found unschedulable",
            () ->
                deployed.status().stream()
                        .filter(w -> !w.name().contains("boinc"))
                        .allMatch(WorkloadStatus::isReady)
                    && boincPods(cluster).size() == 16
                    && boincPods(cluster).stream()
                        .allMatch(pod -> isRunning(pod) || isUnschedulable(pod)));

    var report =
        Benchmark.of(deployed)
            .withoutControlPlane()
            .chaos(Chaos.deleteCountlyApiPod())
            .loadProfile(PROFILE)
            .named("autoscaling story")
            .run();

    var json = report.saveJson(OUT.resolve("autoscaling-report.json"));
    var html = report.saveHtml(OUT.resolve("autoscaling-report.html"));
    var timeline = report.timeline().orElseThrow();
    var samples = timeline.samples();
    assertThat(timeline.load()).isEqualTo(Timeline.SIMULATED_LOAD);
    assertThat(timeline.loadEndSeconds()).isEqualTo(26);
    assertThat(report.http()).as("no container serves simulated load").isEmpty();
    assertThat(samples.get(0).desiredReplicas()).as("idle at first").isEqualTo(MIN_REPLICAS);
    assertThat(timeline.maxDesiredReplicas())
        .as("the HPA scaled countly-api up under the peak")
        .isGreaterThan(MIN_REPLICAS);
    assertThat(timeline.cpuTargetPercent()).hasValue(70);
    assertThat(samples)
        .as("the metrics API reported CPU above the target at the peak")
        .anyMatch(s -> s.cpuPercentPerReplica().orElse(0) > 70);
    assertThat(timeline.events(TimelineEvent.SCALE_UP))
        .as("the HPA's SuccessfulRescale")
        .isNotEmpty();
    assertThat(timeline.events(TimelineEvent.PREEMPTED))
        .as("the scheduler's Preempted events")
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.object()).contains("boinc"));
    assertThat(timeline.events(TimelineEvent.CHAOS))
        .singleElement()
        .satisfies(event -> assertThat(event.atSeconds()).isCloseTo(16, within(1.0)));
    int boincBefore = samples.get(0).backgroundPodsRunning();
    int boincAtPeak =
        samples.stream().mapToInt(TimelineSample::backgroundPodsRunning).min().orElseThrow();
    assertThat(boincAtPeak).as("BOINC pods running at the peak").isLessThan(boincBefore);
    var afterLoad =
        samples.stream().filter(s -> s.atSeconds() > timeline.loadEndSeconds()).toList();
    assertThat(afterLoad)
        .as("after the load, the HPA scaled back to its minimum")
        .anyMatch(s -> s.desiredReplicas() == MIN_REPLICAS);
    // more BOINC pods run again; not always all of them: the replacement of the deleted pod may
    // have moved a Countly pod, leaving room too fragmented for one more 500m BOINC pod
    assertThat(afterLoad.get(afterLoad.size() - 1).backgroundPodsRunning())
        .as("BOINC pods running again at the end")
        .isGreaterThan(boincAtPeak);
    assertThat(timeline.events(TimelineEvent.SCALE_DOWN)).isNotEmpty();
    assertThat(timeline.recoverySeconds()).as("ready replicas back after the chaos").isPresent();

    assertThat(BenchmarkReport.read(json).timeline()).contains(timeline);
    var dom = Chromium.dumpDom(html);
    assertThat(dom).contains("class=\"load-label simulated\"", Timeline.SIMULATED_LOAD);
    for (var chart :
        List.of(
            "chart-timeline-load",
            "chart-timeline-replicas",
            "chart-timeline-cpu",
            "chart-timeline-background")) {
      assertThat(figure(dom, chart)).as(chart).contains("<svg", "class=\"marker chaos\"");
    }
    assertThat(points(figure(dom, "chart-timeline-replicas"), "desiredReplicas"))
        .hasSize(samples.size());
    assertThat(figure(dom, "chart-timeline-replicas"))
        .contains(
            "data-series=\"readyReplicas\"",
            "class=\"marker preempted\"",
            "class=\"marker scale-up\"",
            "class=\"marker scale-down\"",
            "class=\"marker recovered\"");
    assertThat(points(figure(dom, "chart-timeline-cpu"), "cpuPercentPerReplica")).isNotEmpty();
    assertThat(figure(dom, "chart-timeline-cpu")).contains("data-series=\"cpuTargetPercent\"");
    assertThat(points(figure(dom, "chart-timeline-background"), "backgroundPodsRunning"))
        .hasSize(samples.size());
    assertThat(dom).contains("id=\"timeline-events\"", "<td>preempted</td>");
    assertThat(ReportDom.assertFiguresEqualJson(dom, Files.readString(json)))
        .isGreaterThanOrEqualTo(timeline.events().size());
    Chromium.screenshot(html, OUT.resolve("autoscaling-report.png"), 2400);
  }

  private static String figure(String dom, String id) {
    int from = dom.indexOf("id=\"" + id + "\"");
    assertThat(from).as("%s in the rendered page", id).isNotNegative();
    return dom.substring(from, dom.indexOf("</figure>", from));
  }

  private static List<String> points(String figure, String series) {
    var matcher =
        Pattern.compile("data-series=\"" + series + "\" points=\"([^\"]*)\"").matcher(figure);
    assertThat(matcher.find()).as("series %s", series).isTrue();
    return matcher.group(1).isBlank() ? List.of() : List.of(matcher.group(1).split(" "));
  }

  private static List<Pod> boincPods(RunningCluster cluster) {
    return cluster.client().pods().inNamespace("cncfdemo").withLabels(BOINC).list().getItems();
  }

  private static boolean isRunning(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && "Running".equals(pod.getStatus().getPhase());
  }

  private static boolean isUnschedulable(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()));
  }
}
