package io.cncfdemo.internal.benchmark.html;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ComparedFigure;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Several {@link BenchmarkReport}s side by side as one HTML page, the best value of each figure
 * marked.
 */
public final class ComparisonPage {
  private ComparisonPage() {}

  public static String render(List<BenchmarkReport> reports, List<ComparedFigure> figures) {
    var body = new Html();
    runs(body, reports);
    body.open("section", "id", "figures").element("h2", "Figures");
    body.element(
        "p",
        "★ marks the best value of each figure: the highest throughput, the lowest latency, time"
            + " and cost.",
        "class",
        "note");
    body.open("table", "id", "comparison-table")
        .open("thead")
        .open("tr")
        .element("th", "figure")
        .element("th", "unit");
    reports.forEach(report -> body.element("th", report.metadata().name(), "class", "num"));
    body.close("tr").close("thead").open("tbody");
    for (int f = 0; f < figures.size(); f++) {
      var figure = figures.get(f);
      var best = figure.best();
      body.open("tr", "data-figure-name", figure.name())
          .element("th", figure.name())
          .element("td", figure.unit());
      for (int r = 0; r < reports.size(); r++) {
        var value = figure.values().get(r);
        var classes = "num" + (best.contains(r) ? " best" : "");
        if (value.isPresent()) {
          body.element(
              "td",
              Format.number(value.getAsDouble()),
              "class",
              classes,
              "data-run",
              Integer.toString(r),
              "data-value",
              Format.exact(value.getAsDouble()));
        } else {
          body.element("td", "–", "class", classes, "data-run", Integer.toString(r));
        }
      }
      body.close("tr");
    }
    body.close("tbody").close("table").close("section");
    charts(body, reports);
    return Page.of(
        "Benchmark comparison: "
            + reports.stream().map(r -> r.metadata().name()).collect(Collectors.joining(" vs ")),
        reports.size() + " runs",
        body.toString());
  }

  private static void runs(Html body, List<BenchmarkReport> reports) {
    body.open("section", "id", "runs").element("h2", "Runs");
    body.open("table", "id", "runs-table").open("thead").open("tr").element("th", "");
    reports.forEach(report -> body.element("th", report.metadata().name()));
    body.close("tr").close("thead").open("tbody");
    row(body, "provider", reports, report -> report.metadata().provider());
    row(body, "target", reports, report -> report.metadata().target());
    row(body, "region", reports, report -> report.metadata().region().orElse("–"));
    row(body, "Kubernetes", reports, report -> report.metadata().kubernetesVersion().orElse("–"));
    row(
        body,
        "nodes",
        reports,
        report ->
            report.metadata().nodes()
                + (report.metadata().nodeTypes().isEmpty()
                    ? ""
                    : ": "
                        + report.metadata().nodeTypes().entrySet().stream()
                            .map(e -> e.getValue() + " × " + e.getKey())
                            .collect(Collectors.joining(", "))));
    row(body, "load", reports, report -> report.http().map(http -> http.source()).orElse("–"));
    row(body, "started", reports, report -> report.metadata().startedAt());
    body.close("tbody").close("table").close("section");
  }

  private static void row(
      Html body,
      String label,
      List<BenchmarkReport> reports,
      java.util.function.Function<BenchmarkReport, String> value) {
    body.open("tr").element("th", label);
    reports.forEach(report -> body.element("td", value.apply(report)));
    body.close("tr");
  }

  private static void charts(Html body, List<BenchmarkReport> reports) {
    var throughput = new ArrayList<Series>();
    var latency = new ArrayList<Bars>();
    for (int r = 0; r < reports.size(); r++) {
      var report = reports.get(r);
      var key = "run-" + r;
      report
          .http()
          .ifPresent(
              http -> {
                if (!http.timeline().isEmpty()) {
                  throughput.add(
                      new Series(
                          report.metadata().name(),
                          key,
                          http.timeline().stream()
                              .map(
                                  sample ->
                                      new double[] {
                                        sample.startSeconds(), sample.requestsPerSecond()
                                      })
                              .toList()));
                }
                var l = http.latency();
                latency.add(
                    new Bars(
                        report.metadata().name(),
                        key,
                        new double[] {l.p50Ms(), l.p90Ms(), l.p99Ms(), l.p999Ms()}));
              });
    }
    if (throughput.isEmpty() && latency.isEmpty()) {
      return;
    }
    body.open("section", "id", "comparison-charts").element("h2", "Charts");
    if (!throughput.isEmpty()) {
      body.raw(
          LineChart.render(
              "chart-comparison-throughput",
              "Throughput over time",
              "seconds since start",
              "requests/s",
              throughput,
              List.of()));
    }
    if (!latency.isEmpty()) {
      body.raw(
          BarChart.render(
              "chart-comparison-latency",
              "Latency percentiles",
              "ms",
              List.of("p50", "p90", "p99", "p99.9"),
              latency));
    }
    body.close("section");
  }
}
