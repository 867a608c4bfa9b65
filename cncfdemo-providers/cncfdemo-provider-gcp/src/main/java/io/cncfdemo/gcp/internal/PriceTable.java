package io.cncfdemo.gcp.internal;

import io.cncfdemo.bootstrap.PriceSnapshot;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The dated price table shipped with the module ({@value #RESOURCE}): on-demand prices of common
 * machine types in a few regions, balanced persistent disks, external IPv4 addresses, forwarding
 * rules and Cloud DNS managed zones, transcribed by hand (its {@code note} says from where and how
 * far to trust it). Used by {@code plan()} without any call to Google.
 */
public final class PriceTable {
  static final String RESOURCE = "prices-2026-11.json";
  static final String FALLBACK_REGION = "us-central1";

  record Global(
      BigDecimal externalIpv4PerHour,
      BigDecimal forwardingRulePerHour,
      BigDecimal managedZonePerMonth) {}

  record RegionPrices(
      BigDecimal balancedDiskPerGibMonth, Map<String, BigDecimal> machinesPerHour) {}

  record Data(
      String date, String source, String note, Global global, Map<String, RegionPrices> regions) {}

  private static final PriceTable SHIPPED = load();

  private final Data data;

  private PriceTable(Data data) {
    this.data = data;
  }

  public static PriceTable shipped() {
    return SHIPPED;
  }

  /** The day of the snapshot, e.g. {@code 2026-11-01}. */
  public String date() {
    return data.date();
  }

  public String source() {
    return data.source();
  }

  public Optional<BigDecimal> machinePerHour(String region, String machineType) {
    return Optional.ofNullable(data.regions().get(region))
        .map(r -> r.machinesPerHour().get(machineType));
  }

  /**
   * A balanced persistent disk of this size, per hour; {@value #FALLBACK_REGION}'s price for a
   * region not in the table.
   */
  public BigDecimal balancedDiskPerHour(String region, int gib) {
    var prices =
        Optional.ofNullable(data.regions().get(region)).orElse(data.regions().get(FALLBACK_REGION));
    return PriceSnapshot.perMonthToHour(
        prices.balancedDiskPerGibMonth().multiply(BigDecimal.valueOf(gib)));
  }

  public BigDecimal externalIpv4PerHour() {
    return data.global().externalIpv4PerHour();
  }

  public BigDecimal forwardingRulePerHour() {
    return data.global().forwardingRulePerHour();
  }

  public BigDecimal managedZonePerHour() {
    return PriceSnapshot.perMonthToHour(data.global().managedZonePerMonth());
  }

  public boolean knows(String region) {
    return data.regions().containsKey(region);
  }

  private static PriceTable load() {
    return new PriceTable(
        PriceSnapshot.read(PriceTable.class, RESOURCE, Data.class, "cncfdemo-provider-gcp"));
  }
}
