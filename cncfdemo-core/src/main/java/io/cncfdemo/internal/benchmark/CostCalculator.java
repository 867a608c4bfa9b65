package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.CostFigures;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * The cost of a run from its cluster's plan: the hourly cost times the run's hours, and per million
 * requests.
 */
public final class CostCalculator {
  private static final BigDecimal SECONDS_PER_HOUR = BigDecimal.valueOf(3600);
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
  private static final MathContext PRECISION = new MathContext(6, RoundingMode.HALF_UP);

  private CostCalculator() {}

  /** {@code requests} empty: there was no HTTP load, so no cost per request. */
  public static CostFigures of(ProvisioningPlan plan, double runSeconds, Optional<Long> requests) {
    var hourly = plan.hourlyCostUsd();
    var run = hourly.multiply(BigDecimal.valueOf(runSeconds)).divide(SECONDS_PER_HOUR, PRECISION);
    var perMillion =
        requests
            .filter(count -> count > 0)
            .map(count -> run.multiply(MILLION).divide(BigDecimal.valueOf(count), PRECISION));
    return new CostFigures(plan.priceSource(), hourly, runSeconds, run, perMillion);
  }

  /** What a million requests cost on a cluster of this hourly cost serving this many a second. */
  public static BigDecimal perMillion(BigDecimal hourlyUsd, double requestsPerSecond) {
    var perHour = BigDecimal.valueOf(requestsPerSecond).multiply(SECONDS_PER_HOUR);
    return hourlyUsd.multiply(MILLION).divide(perHour, PRECISION);
  }
}
