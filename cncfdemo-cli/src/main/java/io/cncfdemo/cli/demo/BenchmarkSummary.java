package io.cncfdemo.cli.demo;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.Percentiles;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.stream.Collectors;

/** A benchmark report in a few lines: the figures it has, and its notes. */
final class BenchmarkSummary {
  private BenchmarkSummary() {}

  static String render(BenchmarkReport report) {
    var text = new StringBuilder();
    var metadata = report.metadata();
    line(
        text,
        "Benchmark "
            + metadata.name()
            + " (run "
            + metadata.runId()
            + ") on "
            + metadata.target()
            + metadata.kubernetesVersion().map(v -> ", Kubernetes " + v).orElse("")
            + (metadata.nodes() > 0 ? ", " + metadata.nodes() + " nodes" : ""));
    report
        .timeline()
        .ifPresent(
            timeline -> {
              line(text, "  Load:          " + timeline.load());
              line(text, "  Autoscaling:   " + timeline.describe());
            });
    report
        .http()
        .ifPresent(
            http -> {
              line(
                  text,
                  f(
                      "  HTTP:          %.1f requests/s (%d requests in %.1f s, %d connections),"
                          + " p50 %.2f ms, p99 %.2f ms, %d errors (%.2f%%)",
                      http.requestsPerSecond(),
                      http.requests(),
                      http.durationSeconds(),
                      http.connections(),
                      http.latency().p50Ms(),
                      http.latency().p99Ms(),
                      http.errors().total(),
                      100 * http.errorRatio()));
            });
    report
        .controlPlane()
        .ifPresent(
            cp -> {
              var startup = cp.podStartup();
              line(
                  text,
                  "  Pod start-up:  "
                      + startup.pods()
                      + " pods, created to running "
                      + percentiles(startup.createdToRunning()));
              if (!cp.apiLatency().isEmpty()) {
                line(
                    text,
                    "  API latency:   "
                        + cp.apiLatency().stream()
                            .map(api -> api.call() + f(" p99 %.1f ms", api.latency().p99Ms()))
                            .collect(Collectors.joining(", ")));
              }
              cp.rollout()
                  .ifPresent(
                      rollout ->
                          line(
                              text,
                              f(
                                  "  Rollout:       %d replicas available in %.1f s, updated in"
                                      + " %.1f s",
                                  rollout.replicas(),
                                  rollout.createdToAvailableSeconds(),
                                  rollout.updateSeconds())));
              cp.preemption()
                  .ifPresent(
                      preemption ->
                          line(
                              text,
                              f(
                                  "  Preemption:    %d pods preempted, running in %.1f s",
                                  preemption.victims(), preemption.createdToRunningSeconds())));
            });
    for (var event : report.chaos()) {
      line(
          text,
          f("  Chaos:         %s (%s) at %.1f s", event.action(), event.target(), event.atSeconds())
              + (event.replacementReadySeconds().isPresent()
                  ? f(
                      ", replacement ready in %.1f s",
                      event.replacementReadySeconds().getAsDouble())
                  : ""));
    }
    report
        .cost()
        .ifPresent(
            cost ->
                line(
                    text,
                    "  Cost:          $"
                        + usd(cost.hourlyUsd())
                        + " per hour, $"
                        + usd(cost.runUsd())
                        + f(" for the %.0f s run", cost.runSeconds())
                        + cost.usdPerMillionRequests()
                            .map(m -> ", $" + usd(m) + " per million requests")
                            .orElse("")
                        + " ("
                        + cost.priceSource()
                        + ")"));
    if (!report.notes().isEmpty()) {
      line(text, "Notes:");
      report.notes().forEach(note -> line(text, "  - " + note));
    }
    return text.toString();
  }

  private static String percentiles(Percentiles p) {
    return f("p50 %.1f ms, p99 %.1f ms", p.p50Ms(), p.p99Ms());
  }

  private static String usd(BigDecimal amount) {
    return amount.stripTrailingZeros().scale() <= 2
        ? amount.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
        : amount.stripTrailingZeros().toPlainString();
  }

  private static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }

  private static void line(StringBuilder text, String line) {
    text.append(line).append('\n');
  }
}
