package io.cncfdemo.azure.internal;

import io.cncfdemo.bootstrap.PriceSnapshot;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;

/**
 * The dated price table shipped with the module ({@value #RESOURCE}): pay-as-you-go Linux prices of
 * common VM sizes in a few locations, Standard SSD disks, Standard public IPs, the Standard load
 * balancer and a private DNS zone, from the Azure Retail Prices API. Used by {@code plan()} without
 * any call to Azure.
 */
public final class PriceTable {
  static final String RESOURCE = "prices-2026-11.json";
  static final String FALLBACK_LOCATION = "eastus";

  record Global(
      BigDecimal publicIpPerHour,
      BigDecimal loadBalancerPerHour,
      BigDecimal privateDnsZonePerMonth) {}

  record LocationPrices(BigDecimal standardSsdE4PerMonth, Map<String, BigDecimal> vmsPerHour) {}

  record Data(
      String date,
      String source,
      String note,
      Global global,
      Map<String, LocationPrices> locations) {}

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

  /** Where they were read: the Azure Retail Prices API. */
  public String source() {
    return data.source();
  }

  public Optional<BigDecimal> vmPerHour(String location, String size) {
    return Optional.ofNullable(data.locations().get(location)).map(l -> l.vmsPerHour().get(size));
  }

  /**
   * A Standard SSD of up to 32 GiB (E4) per hour; the price of {@value #FALLBACK_LOCATION} where
   * the location is not in the table.
   */
  public BigDecimal standardSsdE4PerHour(String location) {
    var prices =
        Optional.ofNullable(data.locations().get(location))
            .orElse(data.locations().get(FALLBACK_LOCATION));
    return PriceSnapshot.perMonthToHour(prices.standardSsdE4PerMonth());
  }

  public BigDecimal publicIpPerHour() {
    return data.global().publicIpPerHour();
  }

  public BigDecimal loadBalancerPerHour() {
    return data.global().loadBalancerPerHour();
  }

  public BigDecimal privateDnsZonePerHour() {
    return PriceSnapshot.perMonthToHour(data.global().privateDnsZonePerMonth());
  }

  public boolean knows(String location) {
    return data.locations().containsKey(location);
  }

  private static PriceTable load() {
    return new PriceTable(
        PriceSnapshot.read(PriceTable.class, RESOURCE, Data.class, "cncfdemo-provider-azure"));
  }
}
