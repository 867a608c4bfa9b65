package io.cncfdemo.aws.internal;

import io.cncfdemo.bootstrap.PriceSnapshot;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The dated price table shipped with the module ({@value #RESOURCE}): on-demand prices of common
 * instance types in a few regions, gp3 storage, public IPv4 addresses, a hosted zone and an
 * advanced SSM parameter. Used by {@code plan()} without any call to AWS.
 */
public final class PriceTable {
  static final String RESOURCE = "prices-2026-11.json";

  record Global(
      BigDecimal hostedZonePerMonth,
      BigDecimal advancedParameterPerMonth,
      BigDecimal publicIpv4PerHour) {}

  record RegionPrices(BigDecimal gp3PerGbMonth, Map<String, BigDecimal> instancesPerHour) {}

  record Data(String date, String note, Global global, Map<String, RegionPrices> regions) {}

  private static final PriceTable DEFAULT = load();

  private final Data data;

  private PriceTable(Data data) {
    this.data = data;
  }

  public static PriceTable shipped() {
    return DEFAULT;
  }

  /** The day the prices were read, e.g. {@code 2026-11-01}. */
  public String date() {
    return data.date();
  }

  public Optional<BigDecimal> instancePerHour(String region, String instanceType) {
    return Optional.ofNullable(data.regions().get(region))
        .map(r -> r.instancesPerHour().get(instanceType));
  }

  /**
   * A gp3 volume of {@code gib} GiB per hour; the price of us-east-1 where the region is not in the
   * table.
   */
  public BigDecimal gp3PerHour(String region, int gib) {
    var perGbMonth =
        Optional.ofNullable(data.regions().get(region))
            .orElse(data.regions().get("us-east-1"))
            .gp3PerGbMonth();
    return PriceSnapshot.perMonthToHour(perGbMonth.multiply(BigDecimal.valueOf(gib)));
  }

  public BigDecimal publicIpv4PerHour() {
    return data.global().publicIpv4PerHour();
  }

  public BigDecimal hostedZonePerHour() {
    return PriceSnapshot.perMonthToHour(data.global().hostedZonePerMonth());
  }

  public BigDecimal advancedParameterPerHour() {
    return PriceSnapshot.perMonthToHour(data.global().advancedParameterPerMonth());
  }

  public boolean knows(String region) {
    return data.regions().containsKey(region);
  }

  private static PriceTable load() {
    return new PriceTable(
        PriceSnapshot.read(PriceTable.class, RESOURCE, Data.class, "cncfdemo-provider-aws"));
  }
}
