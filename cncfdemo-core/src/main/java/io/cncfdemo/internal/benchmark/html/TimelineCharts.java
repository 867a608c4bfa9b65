package io.cncfdemo.internal.benchmark.html;

import io.cncfdemo.benchmark.Timeline;
import io.cncfdemo.benchmark.TimelineEvent;
import io.cncfdemo.benchmark.TimelineSample;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The charts of a {@link Timeline} as inline SVG, one figure each with its events marked on the
 * time axis: requests per second (offered, and served when measured), replicas (desired, ready),
 * CPU per replica against the HPA's target, BOINC pods running. Fed by the report's JSON model
 * only, so that a report and a live page draw the same charts.
 */
public final class TimelineCharts {
  /** Events closer than this, in seconds, share one marker ("preempted ×3"). */
  private static final double GROUP_SECONDS = 4;

  private static final String X_LABEL = "seconds since the load started";

  private TimelineCharts() {}

  /** Every chart of {@code timeline}, in order, as HTML figures. */
  public static String render(Timeline timeline) {
    var markers = markers(timeline.events());
    var samples = timeline.samples();
    var out = new StringBuilder();
    var load = new ArrayList<Series>();
    load.add(
        new Series(
            timeline.simulated() ? "offered (simulated)" : "offered",
            "offeredRequestsPerSecond",
            points(samples, TimelineSample::offeredRequestsPerSecond)));
    if (samples.stream().anyMatch(s -> s.servedRequestsPerSecond().isPresent())) {
      load.add(
          new Series(
              "served",
              "servedRequestsPerSecond",
              optionalPoints(samples, TimelineSample::servedRequestsPerSecond)));
    }
    out.append(
        LineChart.render(
            "chart-timeline-load", "Requests per second", X_LABEL, "requests/s", load, markers));
    out.append(
        LineChart.render(
            "chart-timeline-replicas",
            timeline.deployment() + " replicas",
            X_LABEL,
            "replicas",
            List.of(
                new Series(
                    "desired (HPA)",
                    "desiredReplicas",
                    points(samples, TimelineSample::desiredReplicas)),
                new Series(
                    "ready", "readyReplicas", points(samples, TimelineSample::readyReplicas))),
            markers));
    var cpu = new ArrayList<Series>();
    cpu.add(
        new Series(
            "CPU per replica (% of request)",
            "cpuPercentPerReplica", optionalPoints(samples, TimelineSample::cpuPercentPerReplica)));
    timeline
        .cpuTargetPercent()
        .ifPresent(
            target ->
                cpu.add(
                    new Series(
                        "HPA target",
                        "cpuTargetPercent",
                        samples.isEmpty()
                            ? List.of()
                            : List.of(
                                new double[] {samples.get(0).atSeconds(), target},
                                new double[] {
                                  samples.get(samples.size() - 1).atSeconds(), target
                                }))));
    out.append(
        LineChart.render(
            "chart-timeline-cpu",
            "CPU per replica against the HPA target",
            X_LABEL,
            "% of request",
            cpu,
            markers));
    out.append(
        LineChart.render(
            "chart-timeline-background",
            "BOINC pods running (background priority)",
            X_LABEL,
            "pods",
            List.of(
                new Series(
                    "BOINC running",
                    "backgroundPodsRunning",
                    points(samples, TimelineSample::backgroundPodsRunning))),
            markers));
    return out.toString();
  }

  /**
   * One marker per event, events of a kind closer than {@value #GROUP_SECONDS} s to the one before
   * merged into its marker.
   */
  static List<Marker> markers(List<TimelineEvent> events) {
    var markers = new ArrayList<Marker>();
    var kinds = new ArrayList<String>();
    var counts = new ArrayList<Integer>();
    for (var event : events) {
      int last = kinds.lastIndexOf(event.kind());
      if (last >= 0
          && last == markers.size() - 1
          && event.atSeconds() - markers.get(last).x() < GROUP_SECONDS) {
        counts.set(last, counts.get(last) + 1);
        continue;
      }
      markers.add(new Marker(event.atSeconds(), label(event), event.kind()));
      kinds.add(event.kind());
      counts.add(1);
    }
    var out = new ArrayList<Marker>();
    for (int i = 0; i < markers.size(); i++) {
      var marker = markers.get(i);
      out.add(
          counts.get(i) > 1
              ? new Marker(marker.x(), marker.label() + " ×" + counts.get(i), marker.kind())
              : marker);
    }
    return out;
  }

  private static String label(TimelineEvent event) {
    return switch (event.kind()) {
      case TimelineEvent.CHAOS -> "chaos";
      case TimelineEvent.SCALE_UP, TimelineEvent.SCALE_DOWN ->
          event.kind() + newSize(event.message());
      case TimelineEvent.LOAD_END -> "load ends";
      default -> event.kind();
    };
  }

  private static String newSize(String message) {
    var matcher = java.util.regex.Pattern.compile("New size: (\\d+)").matcher(message);
    return matcher.find() ? " → " + matcher.group(1) : "";
  }

  private static List<double[]> points(
      List<TimelineSample> samples, ToDoubleFunction<TimelineSample> y) {
    return samples.stream()
        .map(sample -> new double[] {sample.atSeconds(), y.applyAsDouble(sample)})
        .toList();
  }

  private static List<double[]> optionalPoints(
      List<TimelineSample> samples, Function<TimelineSample, OptionalDouble> y) {
    return samples.stream()
        .filter(sample -> y.apply(sample).isPresent())
        .map(sample -> new double[] {sample.atSeconds(), y.apply(sample).getAsDouble()})
        .toList();
  }
}
