package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The timeline of a run with a load profile, in the report's JSON and drawn in its HTML. */
class TimelineReportTest {

  static Timeline timeline(String load, boolean served) {
    var samples =
        List.of(
            sample(0, 0, 2, 2, 3, 10, served ? 0 : -1),
            sample(2, 400, 2, 2, 141, 10, served ? 390 : -1),
            sample(4, 400, 6, 4, 90, 7, served ? 395 : -1),
            sample(6, 400, 6, 6, 60, 6, served ? 398 : -1),
            sample(8, 0, 6, 6, 2, 6, served ? 0 : -1),
            sample(10, 0, 2, 2, 1, 10, served ? 0 : -1));
    return new Timeline(
        load,
        "countly-api",
        2,
        OptionalDouble.of(70),
        7,
        samples,
        List.of(
            new TimelineEvent(
                3,
                TimelineEvent.SCALE_UP,
                "horizontalpodautoscaler/countly-api",
                "New size: 6; reason: cpu resource utilization (percentage of request) above"
                    + " target"),
            new TimelineEvent(4, TimelineEvent.PREEMPTED, "pod/boinc-1", "Preempted by pod a"),
            new TimelineEvent(4.5, TimelineEvent.PREEMPTED, "pod/boinc-2", "Preempted by pod b"),
            new TimelineEvent(5, TimelineEvent.CHAOS, "countly-api-x", "delete one pod"),
            new TimelineEvent(6, TimelineEvent.RECOVERED, "deployment/countly-api", "back"),
            new TimelineEvent(7, TimelineEvent.LOAD_END, "load", "the load profile ended"),
            new TimelineEvent(
                9,
                TimelineEvent.SCALE_DOWN,
                "horizontalpodautoscaler/countly-api",
                "New size: 2; reason: All metrics below target")),
        OptionalDouble.of(1));
  }

  private static TimelineSample sample(
      double at, double offered, int desired, int ready, double cpu, int boinc, double served) {
    return new TimelineSample(
        at,
        offered,
        served < 0 ? OptionalDouble.empty() : OptionalDouble.of(served),
        desired,
        ready,
        OptionalDouble.of(cpu * 2.5),
        OptionalDouble.of(cpu),
        boinc);
  }

  private static BenchmarkReport report(Timeline timeline) {
    var sample = SampleReports.of("story", "local", 1);
    return new BenchmarkReport(
        BenchmarkReport.SCHEMA_VERSION,
        sample.metadata(),
        Optional.empty(),
        Optional.empty(),
        sample.chaos(),
        Optional.empty(),
        List.of(),
        Optional.of(timeline));
  }

  @Test
  void theTimeline_isInTheJson_andReadsBack() {
    var report = report(timeline(Timeline.SIMULATED_LOAD, false));

    var json = report.toJson();

    assertThat(json)
        .contains(
            "\"load\" : \"simulated load — no container serves it\"",
            "\"cpuTargetPercent\" : 70.0",
            "\"desiredReplicas\" : 6",
            "\"servedRequestsPerSecond\" : null",
            "\"backgroundPodsRunning\" : 7",
            "\"kind\" : \"preempted\"",
            "\"recoverySeconds\" : 1.0");
    assertThat(BenchmarkReport.fromJson(json)).isEqualTo(report);
    assertThat(report.timeline().orElseThrow().describe())
        .isEqualTo(
            "countly-api 2 → 6 → 2 replicas by its HPA, 2 BOINC pods preempted, ready again 1.0 s"
                + " after the chaos");
  }

  @Test
  void aReportOfSchemaVersion1_readsWithoutATimeline() {
    var old =
        SampleReports.of("local", "local", 1)
            .toJson()
            .replace("\"schemaVersion\" : 2", "\"schemaVersion\" : 1")
            .replaceFirst(",\\s*\"timeline\" : null", "");

    assertThat(old).doesNotContain("\"timeline\" : null");
    assertThat(BenchmarkReport.fromJson(old).timeline()).isEmpty();
  }

  @Test
  void theHtml_drawsEverySeries_marksTheEvents_andLabelsSimulatedLoad() {
    var html = report(timeline(Timeline.SIMULATED_LOAD, false)).toHtml();

    assertThat(html)
        .contains(
            "<section id=\"timeline\"><h2>Autoscaling over time</h2>",
            "<p class=\"load-label simulated\">load: simulated load — no container serves it</p>",
            "id=\"timeline-events\"",
            "data-figure=\"timeline.recoverySeconds\" data-value=\"1.0\"",
            "data-figure=\"timeline.events.1.atSeconds\" data-value=\"4.0\"");
    assertThat(series(html, "chart-timeline-load")).containsExactly("offeredRequestsPerSecond");
    assertThat(series(html, "chart-timeline-replicas"))
        .containsExactly("desiredReplicas", "readyReplicas");
    assertThat(series(html, "chart-timeline-cpu"))
        .containsExactly("cpuPercentPerReplica", "cpuTargetPercent");
    assertThat(series(html, "chart-timeline-background")).containsExactly("backgroundPodsRunning");
    var replicas = figure(html, "chart-timeline-replicas");
    assertThat(replicas)
        .contains(
            ">scale-up → 6</text>",
            ">preempted ×2</text>",
            ">chaos</text>",
            ">recovered</text>",
            ">load ends</text>",
            ">scale-down → 2</text>");
    assertThat(html).contains("<div class=\"card\" id=\"timeline-preempted\">");
  }

  @Test
  void realLoad_addsTheServedSeries() {
    var html = report(timeline("wrk 4.2 in the cluster", true)).toHtml();

    assertThat(series(html, "chart-timeline-load"))
        .containsExactly("offeredRequestsPerSecond", "servedRequestsPerSecond");
    assertThat(html).contains("<p class=\"load-label\">load: wrk 4.2 in the cluster</p>");
  }

  private static String figure(String html, String id) {
    int from = html.indexOf("id=\"" + id + "\"");
    assertThat(from).as(id).isNotNegative();
    return html.substring(from, html.indexOf("</figure>", from));
  }

  private static List<String> series(String html, String id) {
    var matcher = Pattern.compile("data-series=\"([^\"]+)\"").matcher(figure(html, id));
    var out = new java.util.ArrayList<String>();
    while (matcher.find()) {
      out.add(matcher.group(1));
    }
    return out;
  }
}
