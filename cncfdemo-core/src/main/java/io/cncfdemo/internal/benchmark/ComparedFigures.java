package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ComparedFigure;
import io.cncfdemo.benchmark.ControlPlaneFigures;
import io.cncfdemo.benchmark.HttpFigures;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * The figures a comparison shows, in order, each with its unit, which way is better and where it is
 * in a report.
 */
public final class ComparedFigures {
  private record Definition(
      String name,
      String unit,
      boolean higherIsBetter,
      Function<BenchmarkReport, OptionalDouble> value) {}

  private static final List<Definition> DEFINITIONS =
      List.of(
          http("requests per second", "requests/s", true, h -> h.requestsPerSecond()),
          http("p50 latency", "ms", false, h -> h.latency().p50Ms()),
          http("p90 latency", "ms", false, h -> h.latency().p90Ms()),
          http("p99 latency", "ms", false, h -> h.latency().p99Ms()),
          http("p99.9 latency", "ms", false, h -> h.latency().p999Ms()),
          http("max latency", "ms", false, h -> h.latency().maxMs()),
          http("errors", "% of requests", false, h -> h.errorRatio() * 100),
          controlPlane(
              "pod start-up p50",
              "ms",
              cp -> OptionalDouble.of(cp.podStartup().createdToRunning().p50Ms())),
          controlPlane(
              "pod start-up p99",
              "ms",
              cp -> OptionalDouble.of(cp.podStartup().createdToRunning().p99Ms())),
          controlPlane(
              "scheduling p99",
              "ms",
              cp -> OptionalDouble.of(cp.podStartup().createdToScheduled().p99Ms())),
          controlPlane(
              "API request p99 (slowest call)",
              "ms",
              cp -> cp.apiLatency().stream().mapToDouble(api -> api.latency().p99Ms()).max()),
          controlPlane(
              "Deployment rollout",
              "s",
              cp ->
                  cp.rollout()
                      .map(r -> OptionalDouble.of(r.updateSeconds()))
                      .orElse(OptionalDouble.empty())),
          controlPlane(
              "preemption",
              "s",
              cp ->
                  cp.preemption()
                      .map(p -> OptionalDouble.of(p.createdToRunningSeconds()))
                      .orElse(OptionalDouble.empty())),
          new Definition(
              "throughput recovery after chaos",
              "s",
              false,
              report ->
                  report.chaos().stream()
                      .filter(event -> event.throughputRecoverySeconds().isPresent())
                      .mapToDouble(event -> event.throughputRecoverySeconds().getAsDouble())
                      .max()),
          new Definition(
              "replacement pod Ready after chaos",
              "s",
              false,
              report ->
                  report.chaos().stream()
                      .filter(event -> event.replacementReadySeconds().isPresent())
                      .mapToDouble(event -> event.replacementReadySeconds().getAsDouble())
                      .max()),
          new Definition(
              "cluster cost per hour",
              "USD",
              false,
              report ->
                  report
                      .cost()
                      .map(cost -> OptionalDouble.of(cost.hourlyUsd().doubleValue()))
                      .orElse(OptionalDouble.empty())),
          new Definition(
              "cost per million requests",
              "USD",
              false,
              report ->
                  report
                      .cost()
                      .flatMap(cost -> cost.usdPerMillionRequests())
                      .map(usd -> OptionalDouble.of(usd.doubleValue()))
                      .orElse(OptionalDouble.empty())));

  private ComparedFigures() {}

  /** Every figure of {@code reports}, leaving out figures no report has. */
  public static List<ComparedFigure> of(List<BenchmarkReport> reports) {
    return DEFINITIONS.stream()
        .map(
            definition ->
                new ComparedFigure(
                    definition.name(),
                    definition.unit(),
                    definition.higherIsBetter(),
                    reports.stream().map(definition.value()).toList()))
        .filter(figure -> figure.values().stream().anyMatch(OptionalDouble::isPresent))
        .toList();
  }

  private static Definition http(
      String name,
      String unit,
      boolean higherIsBetter,
      java.util.function.ToDoubleFunction<HttpFigures> value) {
    return new Definition(
        name, unit, higherIsBetter, report -> present(report.http().map(value::applyAsDouble)));
  }

  private static Definition controlPlane(
      String name, String unit, Function<ControlPlaneFigures, OptionalDouble> value) {
    return new Definition(
        name,
        unit,
        false,
        report -> report.controlPlane().map(value).orElse(OptionalDouble.empty()));
  }

  private static OptionalDouble present(Optional<Double> value) {
    return value.map(OptionalDouble::of).orElse(OptionalDouble.empty());
  }
}
