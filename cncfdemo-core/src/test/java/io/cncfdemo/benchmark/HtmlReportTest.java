package io.cncfdemo.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The HTML of reports and comparisons as text; {@code ReportInBrowserIT} in cncfdemo-it renders it
 * in Chromium.
 */
class HtmlReportTest {
  private static final Pattern FIGURE =
      Pattern.compile("data-figure=\"([^\"]+)\" data-value=\"([^\"]+)\"");

  @Test
  void aReport_isOneSelfContainedPage_withInlineSvgCharts() throws Exception {
    var report = SampleReports.of("aws us-west-2", "aws", 1);

    var file = report.saveHtml(Path.of("target/html-report-test/report.html"));
    var html = Files.readString(file);

    assertThat(html)
        .startsWith("<!DOCTYPE html>")
        .contains(
            "<style>",
            "<svg",
            "id=\"chart-throughput\"",
            "id=\"chart-latency\"",
            "id=\"chart-percentiles\"",
            "id=\"chart-pod-startup\"",
            "id=\"percentile-table\"",
            "id=\"chaos-table\"",
            "id=\"cost-table\"",
            "class=\"marker chaos\"",
            "class=\"marker recovered\"");
    assertThat(html)
        .doesNotContain("<script", "<link", "@import", "url(", "src=\"http", "href=\"http");
  }

  @Test
  void everyText_isEscaped() {
    var html = SampleReports.of("<b>run</b> & \"co\"", "aws", 1).toHtml();

    assertThat(html)
        .contains(
            "&lt;b&gt;run&lt;/b&gt; &amp; &quot;co&quot;",
            "a note with &lt;markup&gt; &amp; &quot;quotes&quot;")
        .doesNotContain("<b>run</b>", "<markup>");
  }

  @Test
  void everyFigureShown_carriesTheExactValueOfTheReport() {
    var report = SampleReports.of("local", "local", 1);
    var html = report.toHtml();

    var shown = new ArrayList<String>();
    var matcher = FIGURE.matcher(html);
    while (matcher.find()) {
      shown.add(matcher.group(1) + "=" + matcher.group(2));
    }
    assertThat(shown)
        .contains(
            "http.requestsPerSecond=900.0",
            "http.latency.p99Ms=850.0",
            "http.uncorrectedLatency.p99Ms=15.0",
            "http.errors.status=147",
            "controlPlane.podStartup.createdToRunning.p99Ms=1340.0",
            "controlPlane.apiLatency.1.latency.p99Ms=9.0",
            "controlPlane.preemption.createdToRunningSeconds=1.75",
            "chaos.0.throughputRecoverySeconds=3.0",
            "cost.hourlyUsd=0.2080",
            "cost.usdPerMillionRequests=0.064196");
  }

  @Test
  void partsARunDidNotHave_areLeftOut() {
    var full = SampleReports.of("local", "local", 1);
    var bare =
        new BenchmarkReport(
            1,
            full.metadata(),
            Optional.empty(),
            full.controlPlane(),
            List.of(),
            Optional.empty(),
            List.of());

    var html = bare.toHtml();

    assertThat(html)
        .contains("id=\"control-plane\"")
        .doesNotContain("id=\"http\"", "id=\"chaos\"", "id=\"cost\"", "id=\"notes\"");
  }

  @Test
  void aComparison_marksTheBestOfEachFigure() throws Exception {
    var local = SampleReports.of("local", "local", 0.5);
    var aws = SampleReports.of("aws", "aws", 2);

    var comparison = Comparison.of(local, aws);
    var html =
        Files.readString(comparison.saveHtml(Path.of("target/html-report-test/comparison.html")));

    var throughput =
        comparison.figures().stream()
            .filter(f -> f.name().equals("requests per second"))
            .findFirst()
            .orElseThrow();
    assertThat(throughput.best()).containsExactly(1);
    var p99 =
        comparison.figures().stream()
            .filter(f -> f.name().equals("p99 latency"))
            .findFirst()
            .orElseThrow();
    assertThat(p99.best()).containsExactly(1);
    var hourly =
        comparison.figures().stream()
            .filter(f -> f.name().equals("cluster cost per hour"))
            .findFirst()
            .orElseThrow();
    assertThat(hourly.best()).as("equal everywhere: nothing to mark").isEmpty();
    assertThat(html)
        .contains(
            "id=\"comparison-table\"",
            "id=\"chart-comparison-throughput\"",
            "id=\"chart-comparison-latency\"",
            "class=\"num best\" data-run=\"1\" data-value=\"1800.0\"");
  }

  @Test
  void aComparison_needsOneToTwelveReports() {
    assertThatThrownBy(() -> Comparison.of(List.of()))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("reports must be between 1 and 12, was 0");
    assertThatThrownBy(() -> Comparison.of((BenchmarkReport) null))
        .hasMessage("reports[0] must be a report, was null");
  }
}
