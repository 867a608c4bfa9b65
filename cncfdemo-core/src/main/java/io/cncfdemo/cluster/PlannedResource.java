package io.cncfdemo.cluster;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * One thing a provider would create: a VPC, an Auto Scaling group, a local process, ... with its
 * estimated cost in US dollars per hour ({@link BigDecimal#ZERO} when it costs nothing).
 *
 * @param kind what it is, e.g. {@code VPC}, {@code AutoScalingGroup}, {@code process}
 * @param name its name or tag
 * @param detail its size or settings in a few words, e.g. {@code 3 x t3.medium}
 * @param hourlyCostUsd estimated cost per hour in USD
 */
public record PlannedResource(String kind, String name, String detail, BigDecimal hourlyCostUsd) {
  public PlannedResource {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(hourlyCostUsd, "hourlyCostUsd");
  }

  /** A resource that costs nothing by itself. */
  public static PlannedResource free(String kind, String name, String detail) {
    return new PlannedResource(kind, name, detail, BigDecimal.ZERO);
  }
}
