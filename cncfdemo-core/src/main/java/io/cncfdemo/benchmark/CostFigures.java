package io.cncfdemo.benchmark;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * What the run cost, from the provider's plan: instance types times hours, at the prices of its
 * dated price table.
 *
 * @param priceSource where the prices come from, e.g. {@code AWS on-demand prices, us-west-2,
 *     2026-11-01}
 * @param hourlyUsd the cluster per hour, in USD
 * @param runSeconds the time the benchmark kept the cluster busy
 * @param runUsd {@code hourlyUsd} for {@code runSeconds}
 * @param usdPerMillionRequests {@code runUsd} per million HTTP requests, when there was HTTP load
 */
public record CostFigures(
    String priceSource,
    BigDecimal hourlyUsd,
    double runSeconds,
    BigDecimal runUsd,
    Optional<BigDecimal> usdPerMillionRequests) {

  public CostFigures {
    Objects.requireNonNull(priceSource, "priceSource");
    Objects.requireNonNull(hourlyUsd, "hourlyUsd");
    Objects.requireNonNull(runUsd, "runUsd");
    usdPerMillionRequests = Objects.requireNonNullElse(usdPerMillionRequests, Optional.empty());
  }
}
