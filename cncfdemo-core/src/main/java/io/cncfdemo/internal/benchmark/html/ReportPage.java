package io.cncfdemo.internal.benchmark.html;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ChaosEvent;
import io.cncfdemo.benchmark.ControlPlaneFigures;
import io.cncfdemo.benchmark.CostFigures;
import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.IntervalSample;
import io.cncfdemo.benchmark.Latency;
import io.cncfdemo.benchmark.Percentiles;
import io.cncfdemo.benchmark.RunMetadata;
import io.cncfdemo.benchmark.Timeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.Function;
import java.util.stream.Collectors;

/** One {@link BenchmarkReport} as one self-contained HTML page with inline SVG charts. */
public final class ReportPage {
  private ReportPage() {}

  public static String render(BenchmarkReport report) {
    var body = new Html();
    var metadata = report.metadata();
    summary(body, report);
    run(body, report);
    report.timeline().ifPresent(timeline -> timeline(body, timeline));
    report.http().ifPresent(http -> http(body, http, report.chaos()));
    if (!report.chaos().isEmpty()) {
      chaos(body, report.chaos());
    }
    report.controlPlane().ifPresent(figures -> controlPlane(body, figures));
    report.cost().ifPresent(cost -> cost(body, cost));
    if (!report.notes().isEmpty()) {
      body.open("section", "id", "notes").element("h2", "Notes").open("ul", "class", "notes");
      report.notes().forEach(note -> body.element("li", note));
      body.close("ul").close("section");
    }
    return Page.of("Benchmark: " + metadata.name(), subtitle(metadata), body.toString());
  }

  static String subtitle(RunMetadata metadata) {
    return metadata.provider()
        + " · "
        + metadata.target()
        + metadata.region().map(region -> " · " + region).orElse("")
        + " · started "
        + metadata.startedAt();
  }

  private static void summary(Html body, BenchmarkReport report) {
    body.open("section", "id", "summary").open("div", "class", "cards");
    report
        .timeline()
        .ifPresent(
            timeline -> {
              countCard(
                  body,
                  timeline.deployment() + " replicas, most",
                  "timeline-max-replicas",
                  timeline.maxDesiredReplicas());
              countCard(
                  body, "BOINC pods preempted", "timeline-preempted", timeline.preemptedPods());
              timeline
                  .recoverySeconds()
                  .ifPresent(
                      seconds ->
                          Page.card(
                              body,
                              "recovery after chaos",
                              "timeline.recoverySeconds",
                              seconds,
                              "s"));
            });
    report
        .http()
        .ifPresent(
            http -> {
              Page.card(
                  body,
                  "requests per second",
                  "http.requestsPerSecond",
                  http.requestsPerSecond(),
                  "");
              Page.card(body, "p99 latency", "http.latency.p99Ms", http.latency().p99Ms(), "ms");
              Page.card(body, "errors", "http.errors.total", http.errors().total());
            });
    report
        .controlPlane()
        .ifPresent(
            cp ->
                Page.card(
                    body,
                    "pod start-up p99",
                    "controlPlane.podStartup.createdToRunning.p99Ms",
                    cp.podStartup().createdToRunning().p99Ms(),
                    "ms"));
    report
        .cost()
        .ifPresent(
            cost -> {
              Page.card(
                  body,
                  "cost per hour",
                  "cost.hourlyUsd",
                  cost.hourlyUsd().toPlainString(),
                  Format.usd(cost.hourlyUsd()));
              cost.usdPerMillionRequests()
                  .ifPresent(
                      perMillion ->
                          Page.card(
                              body,
                              "cost per million requests",
                              "cost.usdPerMillionRequests",
                              perMillion.toPlainString(),
                              Format.usd(perMillion)));
            });
    body.close("div").close("section");
  }

  private static void run(Html body, BenchmarkReport report) {
    var metadata = report.metadata();
    body.open("section", "id", "run").element("h2", "Run").open("table", "class", "kv");
    Page.row(body, "name", metadata.name());
    Page.row(body, "run id", metadata.runId());
    Page.row(body, "started", metadata.startedAt());
    Page.row(body, "provider", metadata.provider());
    Page.row(body, "target", metadata.target());
    metadata.region().ifPresent(region -> Page.row(body, "region", region));
    metadata.clusterName().ifPresent(name -> Page.row(body, "cluster", name));
    metadata.kubernetesVersion().ifPresent(version -> Page.row(body, "Kubernetes", version));
    if (metadata.nodes() > 0) {
      Page.row(
          body,
          "nodes",
          metadata.nodes()
              + (metadata.nodeTypes().isEmpty()
                  ? ""
                  : ": "
                      + metadata.nodeTypes().entrySet().stream()
                          .map(e -> e.getValue() + " × " + e.getKey())
                          .collect(Collectors.joining(", "))));
    }
    if (!metadata.demo().isEmpty()) {
      Page.row(body, "demo", String.join(", ", metadata.demo()));
    }
    report
        .http()
        .ifPresent(
            http -> {
              Page.row(body, "load", http.source());
              Page.row(body, "measured", http.method());
              Page.row(body, "results read from", http.collectedVia());
            });
    body.close("table").close("section");
  }

  private static void http(Html body, HttpFigures http, List<ChaosEvent> chaos) {
    body.open("section", "id", "http").element("h2", "HTTP");
    body.open("table", "id", "http-figures").open("tbody");
    figureRow(body, "duration (s)", "http.durationSeconds", http.durationSeconds());
    countRow(body, "requests", "http.requests", http.requests());
    figureRow(body, "requests per second", "http.requestsPerSecond", http.requestsPerSecond());
    http.targetRate()
        .ifPresent(rate -> countRow(body, "target rate (requests/s)", "http.targetRate", rate));
    countRow(body, "connections", "http.connections", http.connections());
    countRow(body, "threads", "http.threads", http.threads());
    countRow(body, "bytes read", "http.bytes", http.bytes());
    body.close("tbody").close("table");

    var markers = markers(chaos);
    var timeline = http.timeline();
    if (!timeline.isEmpty()) {
      body.raw(
          LineChart.render(
              "chart-throughput",
              "Throughput over time",
              "seconds since start",
              "requests/s",
              List.of(
                  new Series(
                      "requests/s",
                      "requestsPerSecond",
                      points(timeline, IntervalSample::requestsPerSecond)),
                  new Series(
                      "errors/s",
                      "errorsPerSecond",
                      points(timeline, IntervalSample::errorsPerSecond)),
                  new Series(
                      "successful/s",
                      "successfulPerSecond",
                      points(
                          timeline,
                          sample ->
                              Math.max(0, sample.requestsPerSecond() - sample.errorsPerSecond())))),
              markers));
      if (timeline.stream().anyMatch(sample -> sample.p99Ms().isPresent())) {
        body.raw(
            LineChart.render(
                "chart-latency",
                "Latency over time",
                "seconds since start",
                "ms",
                List.of(
                    new Series("p50", "p50Ms", optionalPoints(timeline, IntervalSample::p50Ms)),
                    new Series("p99", "p99Ms", optionalPoints(timeline, IntervalSample::p99Ms))),
                markers));
      } else {
        body.element(
            "p",
            "This load source measures latency over the whole run only, not per interval.",
            "class",
            "note");
      }
    }
    body.element("h3", "Latency percentiles (ms)");
    body.open("table", "id", "percentile-table").open("thead").open("tr").element("th", "");
    body.element(
        "th", http.uncorrectedLatency().isPresent() ? "corrected" : "measured", "class", "num");
    http.uncorrectedLatency()
        .ifPresent(u -> body.element("th", "uncorrected (service time)", "class", "num"));
    body.close("tr").close("thead").open("tbody");
    String[] names = {"p50", "p90", "p99", "p99.9", "max", "mean"};
    String[] fields = {"p50Ms", "p90Ms", "p99Ms", "p999Ms", "maxMs", "meanMs"};
    var measured = values(http.latency());
    var uncorrected = http.uncorrectedLatency().map(ReportPage::values);
    for (int i = 0; i < names.length; i++) {
      body.open("tr").element("th", names[i]);
      Page.figure(body, "http.latency." + fields[i], measured[i]);
      int row = i;
      uncorrected.ifPresent(
          values -> Page.figure(body, "http.uncorrectedLatency." + fields[row], values[row]));
      body.close("tr");
    }
    body.close("tbody").close("table");
    var bars = new ArrayList<Bars>();
    bars.add(
        new Bars(
            http.uncorrectedLatency().isPresent() ? "corrected" : "measured",
            "latency",
            java.util.Arrays.copyOf(measured, 5)));
    uncorrected.ifPresent(
        values ->
            bars.add(
                new Bars("uncorrected", "uncorrectedLatency", java.util.Arrays.copyOf(values, 5))));
    body.raw(
        BarChart.render(
            "chart-percentiles",
            "Latency percentiles",
            "ms",
            List.of("p50", "p90", "p99", "p99.9", "max"),
            bars));
    body.element("h3", "Errors");
    body.open("table", "id", "errors").open("tbody");
    var errors = http.errors();
    Map<String, Long> kinds = new java.util.LinkedHashMap<>();
    kinds.put("connect", errors.connect());
    kinds.put("read", errors.read());
    kinds.put("write", errors.write());
    kinds.put("status", errors.status());
    kinds.put("timeout", errors.timeout());
    kinds.forEach((kind, count) -> countRow(body, kind, "http.errors." + kind, count));
    body.open("tr")
        .element("th", "share of requests")
        .element("td", Format.percent(http.errorRatio()), "class", "num")
        .close("tr");
    body.close("tbody").close("table");
    body.close("section");
  }

  /** A card of a count worked out from the JSON rather than in it: no JSON path. */
  private static void countCard(Html body, String label, String id, long count) {
    body.open("div", "class", "card", "id", id)
        .element("div", label, "class", "label")
        .element("div", Format.count(count), "class", "value")
        .close("div");
  }

  private static void timeline(Html body, Timeline timeline) {
    body.open("section", "id", "timeline").element("h2", "Autoscaling over time");
    body.element(
        "p",
        "load: " + timeline.load(),
        "class",
        timeline.simulated() ? "load-label simulated" : "load-label");
    body.raw(TimelineCharts.render(timeline));
    body.element("h3", "Events");
    body.open("table", "id", "timeline-events").open("thead").open("tr");
    for (var header : List.of("at (s)", "event", "object", "message")) {
      body.element("th", header);
    }
    body.close("tr").close("thead").open("tbody");
    for (int i = 0; i < timeline.events().size(); i++) {
      var event = timeline.events().get(i);
      body.open("tr", "class", "event " + event.kind());
      Page.figure(body, "timeline.events." + i + ".atSeconds", event.atSeconds());
      body.element("td", event.kind())
          .element("td", event.object())
          .element("td", event.message())
          .close("tr");
    }
    body.close("tbody").close("table").close("section");
  }

  private static List<Marker> markers(List<ChaosEvent> chaos) {
    var markers = new ArrayList<Marker>();
    for (var event : chaos) {
      markers.add(new Marker(event.atSeconds(), "chaos: " + event.target(), "chaos"));
      event
          .throughputRecoverySeconds()
          .ifPresent(
              seconds ->
                  markers.add(new Marker(event.atSeconds() + seconds, "recovered", "recovered")));
    }
    return markers;
  }

  private static void chaos(Html body, List<ChaosEvent> chaos) {
    body.open("section", "id", "chaos").element("h2", "Chaos");
    body.open("table", "id", "chaos-table").open("thead").open("tr");
    for (var header :
        List.of(
            "action",
            "target",
            "at (s)",
            "errors after",
            "peak errors/s",
            "baseline requests/s",
            "throughput recovered after (s)",
            "replacement Ready after (s)")) {
      body.element("th", header);
    }
    body.close("tr").close("thead").open("tbody");
    for (int i = 0; i < chaos.size(); i++) {
      var event = chaos.get(i);
      var path = "chaos." + i + ".";
      body.open("tr").element("td", event.action()).element("td", event.target());
      Page.figure(body, path + "atSeconds", event.atSeconds());
      countCell(body, path + "errorsAfter", event.errorsAfter());
      Page.figure(body, path + "peakErrorsPerSecond", event.peakErrorsPerSecond());
      optionalCell(body, path + "baselineRequestsPerSecond", event.baselineRequestsPerSecond());
      optionalCell(body, path + "throughputRecoverySeconds", event.throughputRecoverySeconds());
      optionalCell(body, path + "replacementReadySeconds", event.replacementReadySeconds());
      body.close("tr");
    }
    body.close("tbody").close("table").close("section");
  }

  private static void controlPlane(Html body, ControlPlaneFigures figures) {
    body.open("section", "id", "control-plane").element("h2", "Control plane");
    var startup = figures.podStartup();
    body.element("h3", "Pod start-up latency (ms), " + startup.pods() + " pods");
    body.open("table", "id", "pod-startup").open("thead").open("tr").element("th", "");
    for (var header : List.of("p50", "p90", "p99", "max")) {
      body.element("th", header, "class", "num");
    }
    body.close("tr").close("thead").open("tbody");
    percentileRow(
        body,
        "created → scheduled",
        "controlPlane.podStartup.createdToScheduled",
        startup.createdToScheduled());
    percentileRow(
        body,
        "scheduled → running",
        "controlPlane.podStartup.scheduledToRunning",
        startup.scheduledToRunning());
    percentileRow(
        body,
        "created → running",
        "controlPlane.podStartup.createdToRunning",
        startup.createdToRunning());
    body.close("tbody").close("table");
    body.raw(
        BarChart.render(
            "chart-pod-startup",
            "Pod start-up latency",
            "ms",
            List.of("p50", "p90", "p99", "max"),
            List.of(
                new Bars(
                    "created → scheduled",
                    "createdToScheduled",
                    percentileValues(startup.createdToScheduled())),
                new Bars(
                    "scheduled → running",
                    "scheduledToRunning",
                    percentileValues(startup.scheduledToRunning())),
                new Bars(
                    "created → running",
                    "createdToRunning",
                    percentileValues(startup.createdToRunning())))));
    if (!figures.apiLatency().isEmpty()) {
      body.element("h3", "API request latency (ms)");
      body.open("table", "id", "api-latency").open("thead").open("tr").element("th", "call");
      for (var header : List.of("count", "p50", "p90", "p99", "max")) {
        body.element("th", header, "class", "num");
      }
      body.close("tr").close("thead").open("tbody");
      for (int i = 0; i < figures.apiLatency().size(); i++) {
        var api = figures.apiLatency().get(i);
        body.open("tr").element("td", api.call());
        countCell(body, "controlPlane.apiLatency." + i + ".latency.count", api.latency().count());
        percentileCells(body, "controlPlane.apiLatency." + i + ".latency", api.latency());
        body.close("tr");
      }
      body.close("tbody").close("table");
    }
    figures
        .rollout()
        .ifPresent(
            rollout -> {
              body.element("h3", "Deployment rollout");
              body.open("table", "id", "rollout").open("tbody");
              countRow(body, "replicas", "controlPlane.rollout.replicas", rollout.replicas());
              figureRow(
                  body,
                  "created → available (s)",
                  "controlPlane.rollout.createdToAvailableSeconds",
                  rollout.createdToAvailableSeconds());
              figureRow(
                  body,
                  "template change → rolled out (s)",
                  "controlPlane.rollout.updateSeconds",
                  rollout.updateSeconds());
              body.close("tbody").close("table");
            });
    figures
        .preemption()
        .ifPresent(
            preemption -> {
              body.element("h3", "Preemption");
              body.open("table", "id", "preemption").open("tbody");
              figureRow(
                  body,
                  "high-priority pod created → running (s)",
                  "controlPlane.preemption.createdToRunningSeconds",
                  preemption.createdToRunningSeconds());
              countRow(
                  body,
                  "background pods preempted",
                  "controlPlane.preemption.victims",
                  preemption.victims());
              body.close("tbody").close("table");
            });
    body.close("section");
  }

  private static void cost(Html body, CostFigures cost) {
    body.open("section", "id", "cost").element("h2", "Cost");
    body.open("table", "id", "cost-table").open("tbody");
    body.open("tr")
        .element("th", "cluster per hour")
        .element(
            "td",
            Format.usd(cost.hourlyUsd()),
            "class",
            "num",
            "data-figure",
            "cost.hourlyUsd",
            "data-value",
            cost.hourlyUsd().toPlainString())
        .close("tr");
    figureRow(body, "run (s)", "cost.runSeconds", cost.runSeconds());
    body.open("tr")
        .element("th", "run")
        .element(
            "td",
            Format.usd(cost.runUsd()),
            "class",
            "num",
            "data-figure",
            "cost.runUsd",
            "data-value",
            cost.runUsd().toPlainString())
        .close("tr");
    cost.usdPerMillionRequests()
        .ifPresent(
            perMillion ->
                body.open("tr")
                    .element("th", "per million requests")
                    .element(
                        "td",
                        Format.usd(perMillion),
                        "class",
                        "num",
                        "data-figure",
                        "cost.usdPerMillionRequests",
                        "data-value",
                        perMillion.toPlainString())
                    .close("tr"));
    Page.row(body, "prices", cost.priceSource());
    body.close("tbody").close("table").close("section");
  }

  private static void figureRow(Html body, String label, String path, double value) {
    body.open("tr").element("th", label);
    Page.figure(body, path, value);
    body.close("tr");
  }

  private static void countRow(Html body, String label, String path, long value) {
    body.open("tr").element("th", label);
    countCell(body, path, value);
    body.close("tr");
  }

  private static void countCell(Html body, String path, long value) {
    body.element(
        "td",
        Format.count(value),
        "class",
        "num",
        "data-figure",
        path,
        "data-value",
        Long.toString(value));
  }

  private static void optionalCell(Html body, String path, OptionalDouble value) {
    if (value.isPresent()) {
      Page.figure(body, path, value.getAsDouble());
    } else {
      body.element("td", "–", "class", "num", "data-figure", path);
    }
  }

  private static void percentileRow(Html body, String label, String path, Percentiles percentiles) {
    body.open("tr").element("th", label);
    percentileCells(body, path, percentiles);
    body.close("tr");
  }

  private static void percentileCells(Html body, String path, Percentiles percentiles) {
    Page.figure(body, path + ".p50Ms", percentiles.p50Ms());
    Page.figure(body, path + ".p90Ms", percentiles.p90Ms());
    Page.figure(body, path + ".p99Ms", percentiles.p99Ms());
    Page.figure(body, path + ".maxMs", percentiles.maxMs());
  }

  private static double[] percentileValues(Percentiles percentiles) {
    return new double[] {
      percentiles.p50Ms(), percentiles.p90Ms(), percentiles.p99Ms(), percentiles.maxMs()
    };
  }

  private static double[] values(Latency latency) {
    return new double[] {
      latency.p50Ms(),
      latency.p90Ms(),
      latency.p99Ms(),
      latency.p999Ms(),
      latency.maxMs(),
      latency.meanMs()
    };
  }

  private static List<double[]> points(
      List<IntervalSample> timeline, java.util.function.ToDoubleFunction<IntervalSample> y) {
    return timeline.stream()
        .map(sample -> new double[] {sample.startSeconds(), y.applyAsDouble(sample)})
        .toList();
  }

  private static List<double[]> optionalPoints(
      List<IntervalSample> timeline, Function<IntervalSample, OptionalDouble> y) {
    return timeline.stream()
        .filter(sample -> y.apply(sample).isPresent())
        .map(sample -> new double[] {sample.startSeconds(), y.apply(sample).getAsDouble()})
        .toList();
  }
}
