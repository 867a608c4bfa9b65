package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.apps.wrk.LocalWrk;
import io.cncfdemo.benchmark.Benchmark;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Chaos;
import io.cncfdemo.benchmark.Comparison;
import io.cncfdemo.benchmark.LoadSources;
import io.cncfdemo.benchmark.LoopbackTarget;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A report and a comparison of real runs, opened offline in headless Chromium: the rendered DOM has
 * the charts and the numbers of the JSON; screenshots go to {@code target/benchmark/*.png}.
 */
class ReportInBrowserIT {
  static final Path OUT = Path.of("target/benchmark");
  private static BenchmarkReport constantRate;
  private static BenchmarkReport wrk;

  @BeforeAll
  static void runTwoBenchmarks() {
    BenchmarkTools.require("chromium");
    var plan =
        new ProvisioningPlan(
            "local",
            "this machine",
            "loopback",
            List.of(
                new PlannedResource("machine", "this one", "2 cores", new BigDecimal("0.0960"))),
            "a price for the test");
    try (var target = LoopbackTarget.start()) {
      var fails =
          Chaos.of("the target answers 503 for 2 s", () -> target.failFor(Duration.ofSeconds(2)))
              .at(Duration.ofSeconds(3));
      constantRate =
          Benchmark.of(LoadSources.constantRate(target.url().toString()))
              .duration(Duration.ofSeconds(8))
              .connections(4)
              .threads(1)
              .rate(300)
              .chaos(fails)
              .plan(plan)
              .named("constant rate")
              .run();
      wrk =
          Benchmark.of(LocalWrk.against(target.url().toString()))
              .duration(Duration.ofSeconds(4))
              .connections(4)
              .threads(2)
              .plan(plan)
              .named("wrk")
              .run();
    }
  }

  @Test
  void theReport_rendersItsChartsAndTheNumbersOfItsJson() throws Exception {
    var json = constantRate.saveJson(OUT.resolve("report.json"));
    var html = constantRate.saveHtml(OUT.resolve("report.html"));

    var dom = Chromium.dumpDom(html);

    for (var chart : List.of("chart-throughput", "chart-latency", "chart-percentiles")) {
      assertThat(section(dom, "<figure class=\"chart\" id=\"" + chart + "\""))
          .as(chart)
          .contains("<svg");
    }
    var throughput = section(dom, "id=\"chart-throughput\"");
    var points =
        Pattern.compile("data-series=\"requestsPerSecond\" points=\"([^\"]+)\"")
            .matcher(throughput);
    assertThat(points.find()).isTrue();
    assertThat(points.group(1).split(" ")).hasSizeGreaterThanOrEqualTo(8);
    assertThat(throughput).contains("class=\"marker chaos\"", "class=\"marker recovered\"");
    assertThat(dom).contains("id=\"percentile-table\"", "id=\"chaos-table\"", "id=\"cost-table\"");
    int figures = ReportDom.assertFiguresEqualJson(dom, Files.readString(json));
    assertThat(figures).isGreaterThanOrEqualTo(30);
    Chromium.screenshot(html, OUT.resolve("report.png"), 2600);
  }

  @Test
  void theComparison_putsTheRunsSideBySide_andMarksTheBest() throws Exception {
    var html = Comparison.of(constantRate, wrk).saveHtml(OUT.resolve("comparison.html"));

    var dom = Chromium.dumpDom(html);

    assertThat(section(dom, "id=\"chart-comparison-throughput\""))
        .contains("<svg", "data-series=\"run-0\"", "data-series=\"run-1\"");
    assertThat(section(dom, "id=\"chart-comparison-latency\"")).contains("<rect class=\"bar");
    int faster =
        wrk.http().orElseThrow().requestsPerSecond()
                > constantRate.http().orElseThrow().requestsPerSecond()
            ? 1
            : 0;
    var row = section(dom, "data-figure-name=\"requests per second\"");
    assertThat(row).containsPattern("class=\"num best\" data-run=\"" + faster + "\"");
    assertThat(row).doesNotContain("class=\"num best\" data-run=\"" + (1 - faster) + "\"");
    assertThat(row)
        .contains(
            "data-value=\"" + constantRate.http().orElseThrow().requestsPerSecond() + "\"",
            "data-value=\"" + wrk.http().orElseThrow().requestsPerSecond() + "\"");
    Chromium.screenshot(html, OUT.resolve("comparison.png"), 1800);
  }

  /**
   * The markup from {@code start} to the end of its element, roughly: up to the next {@code
   * </figure>} or {@code </tr>}.
   */
  private static String section(String dom, String start) {
    int from = dom.indexOf(start);
    assertThat(from).as("%s in the rendered page", start).isNotNegative();
    int figureEnd = dom.indexOf("</figure>", from);
    int rowEnd = dom.indexOf("</tr>", from);
    int end = start.contains("data-figure-name") ? rowEnd : figureEnd;
    return dom.substring(from, end < 0 ? dom.length() : end);
  }
}
