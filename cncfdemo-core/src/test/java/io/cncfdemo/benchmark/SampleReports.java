package io.cncfdemo.benchmark;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** Complete reports with plausible figures, for the tests of JSON, HTML and comparisons. */
public final class SampleReports {
  private SampleReports() {}

  /**
   * A run named {@code name}; {@code scale} multiplies throughput and divides latency, so runs
   * differ.
   */
  public static BenchmarkReport of(String name, String provider, double scale) {
    var metadata =
        new RunMetadata(
            name,
            "run-20261125-101530-9f3a",
            "2026-11-25T10:15:30Z",
            provider,
            provider + "()",
            Optional.of("us-west-2"),
            Optional.of("cncfdemo"),
            Optional.of("v1.35.4"),
            4,
            Map.of("t3.medium", 3, "t3.large", 1),
            List.of("countly()", "mongoSharded(3)", "boinc()", "Deployment countly-api 2/2"));
    var timeline = new ArrayList<IntervalSample>();
    for (int second = 0; second < 30; second++) {
      boolean spike = second >= 12 && second < 15;
      timeline.add(
          new IntervalSample(
              second,
              spike ? 200 * scale : 1000 * scale,
              spike ? 50 : 0,
              OptionalDouble.of(4 / scale),
              OptionalDouble.of((spike ? 900 : 20) / scale)));
    }
    var http =
        new HttpFigures(
            "constant-rate generator against http://countly-api:3001/",
            "constant rate, corrected",
            "prometheus",
            30,
            (long) (27_000 * scale),
            900 * scale,
            1_234_567,
            new ErrorCounts(0, 3, 0, 147, 0),
            new Latency(4 / scale, 9 / scale, 850 / scale, 990 / scale, 1010 / scale, 12.5 / scale),
            Optional.of(
                new Latency(4 / scale, 8 / scale, 15 / scale, 40 / scale, 1010 / scale, 5 / scale)),
            OptionalInt.of(1000),
            64,
            2,
            timeline);
    var controlPlane =
        new ControlPlaneFigures(
            new PodStartup(
                50,
                new Percentiles(50, 12, 25, 40, 41),
                new Percentiles(50, 900, 1100, 1300, 1310),
                new Percentiles(50, 920, 1120, 1340, 1350)),
            List.of(
                new ApiLatency("GET configmaps", new Percentiles(50, 1.5, 2.5, 6, 7)),
                new ApiLatency("LIST pods", new Percentiles(50, 3, 5, 9, 9.5))),
            Optional.of(new Rollout(5, 2.5, 3.25)),
            Optional.of(new Preemption(1.75, 1)));
    var chaos =
        List.of(
            new ChaosEvent(
                "delete one pod of Deployment countly-api",
                "countly-api-7d9c-abcde",
                12,
                153,
                50,
                OptionalDouble.of(1000 * scale),
                OptionalDouble.of(3),
                OptionalDouble.of(0.4)));
    var cost =
        new CostFigures(
            "AWS on-demand prices, us-west-2, 2026-11-01",
            new BigDecimal("0.2080"),
            30,
            new BigDecimal("0.0017333"),
            Optional.of(new BigDecimal(String.format("%.6f", 0.0017333 / (27_000 * scale) * 1e6))));
    return new BenchmarkReport(
        BenchmarkReport.SCHEMA_VERSION,
        metadata,
        Optional.of(http),
        Optional.of(controlPlane),
        chaos,
        Optional.of(cost),
        List.of("a note with <markup> & \"quotes\""));
  }
}
