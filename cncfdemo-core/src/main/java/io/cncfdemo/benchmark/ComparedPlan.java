package io.cncfdemo.benchmark;

import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;

/**
 * One provider's column of a {@link PlanComparison}: its plan, or why there is none (the provider
 * is not on the class path, or it could not plan this cluster), and what a million requests cost on
 * it at the throughput of a benchmark report, when the comparison has one.
 *
 * @param provider the provider's name, e.g. {@code aws}
 * @param plan the plan, when the provider made one
 * @param unavailable why there is no plan, when there is none
 * @param usdPerMillionRequests the plan's hourly cost per million requests at the report's
 *     throughput
 */
public record ComparedPlan(
    String provider,
    Optional<ProvisioningPlan> plan,
    Optional<String> unavailable,
    Optional<BigDecimal> usdPerMillionRequests) {

  public ComparedPlan {
    Objects.requireNonNull(provider, "provider");
    plan = Objects.requireNonNullElse(plan, Optional.empty());
    unavailable = Objects.requireNonNullElse(unavailable, Optional.empty());
    usdPerMillionRequests = Objects.requireNonNullElse(usdPerMillionRequests, Optional.empty());
    if (plan.isPresent() == unavailable.isPresent()) {
      throw new IllegalArgumentException(
          "a compared plan has a plan or a reason why not, not both");
    }
  }

  /** The plan's cost per hour in USD, when there is a plan. */
  public Optional<BigDecimal> hourlyCostUsd() {
    return plan.map(ProvisioningPlan::hourlyCostUsd);
  }

  /** The plan's cost per month in USD, when there is a plan. */
  public Optional<BigDecimal> monthlyCostUsd() {
    return plan.map(ProvisioningPlan::monthlyCostUsd);
  }

  /** The resource that costs the most (the first of equals), when the plan has a priced one. */
  public Optional<PlannedResource> largestCost() {
    return plan.flatMap(
        p ->
            p.resources().stream()
                .filter(resource -> resource.hourlyCostUsd().signum() > 0)
                .max(Comparator.comparing(PlannedResource::hourlyCostUsd)));
  }
}
