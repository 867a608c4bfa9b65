package io.cncfdemo.cluster;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;

/**
 * What a provider would create for a {@link ClusterSpec}, and what it would cost, as returned by
 * {@code Cluster...plan()} without side effects.
 *
 * @param provider the provider name, e.g. {@code aws}
 * @param target the target as written in the DSL
 * @param clusterName the cluster's name
 * @param resources every resource, in creation order
 * @param priceSource where the prices come from, e.g. {@code "AWS on-demand prices, us-west-2,
 *     2026-11-01"}
 */
public record ProvisioningPlan(
    String provider,
    String target,
    String clusterName,
    List<PlannedResource> resources,
    String priceSource) {

  /** Hours in an average month, as cloud price calculators count them. */
  public static final int HOURS_PER_MONTH = 730;

  public ProvisioningPlan {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(clusterName, "clusterName");
    resources = List.copyOf(resources);
    Objects.requireNonNull(priceSource, "priceSource");
  }

  /** The estimated cost of the whole cluster per hour, in USD. */
  public BigDecimal hourlyCostUsd() {
    return resources.stream()
        .map(PlannedResource::hourlyCostUsd)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }

  /** The estimated cost per month of {@value #HOURS_PER_MONTH} hours, in USD, rounded to cents. */
  public BigDecimal monthlyCostUsd() {
    return hourlyCostUsd()
        .multiply(BigDecimal.valueOf(HOURS_PER_MONTH))
        .setScale(2, RoundingMode.HALF_UP);
  }

  /** The plan as a table, one resource a line, the totals last. */
  public String describe() {
    var out = new StringBuilder();
    out.append("Plan for cluster ").append(clusterName).append(" on ").append(target).append('\n');
    int kindWidth =
        Math.max(4, resources.stream().mapToInt(r -> r.kind().length()).max().orElse(0));
    int nameWidth =
        Math.max(4, resources.stream().mapToInt(r -> r.name().length()).max().orElse(0));
    String row = "  %-" + kindWidth + "s  %-" + nameWidth + "s  %10s  %s%n";
    out.append(String.format(row, "KIND", "NAME", "USD/HOUR", "DETAIL"));
    for (var resource : resources) {
      out.append(
          String.format(
              row,
              resource.kind(),
              resource.name(),
              resource.hourlyCostUsd().setScale(4, RoundingMode.HALF_UP).toPlainString(),
              resource.detail()));
    }
    out.append(
        String.format(
            "  total: %s USD/hour, %s USD/month (%s)%n",
            hourlyCostUsd().setScale(4, RoundingMode.HALF_UP).toPlainString(),
            monthlyCostUsd().toPlainString(),
            priceSource));
    return out.toString();
  }
}
