package io.cncfdemo.bootstrap;

import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the price snapshot a cloud provider ships as a JSON resource (list prices of one month, so
 * that plans price a cluster without credentials or network) and turns monthly prices into hourly
 * ones the way the plans count hours ({@link ProvisioningPlan#HOURS_PER_MONTH}).
 */
public final class PriceSnapshot {
  private static final BigDecimal HOURS_PER_MONTH =
      BigDecimal.valueOf(ProvisioningPlan.HOURS_PER_MONTH);

  private PriceSnapshot() {}

  /**
   * The snapshot {@code resource}, found beside {@code owner}, read as {@code type}; {@code
   * artifact} names the jar that should hold it, for the message when it does not.
   */
  public static <T> T read(Class<?> owner, String resource, Class<T> type, String artifact) {
    try (InputStream in = owner.getResourceAsStream(resource)) {
      if (in == null) {
        throw new CncfDemoException(resource + " is missing from the class path of " + artifact);
      }
      return JsonMapper.builder().build().readValue(in, type);
    } catch (IOException e) {
      throw new CncfDemoException("could not read " + resource + ": " + e.getMessage(), e);
    }
  }

  /** A monthly price as an hourly one. */
  public static BigDecimal perMonthToHour(BigDecimal perMonth) {
    return perMonth.divide(HOURS_PER_MONTH, MathContext.DECIMAL64);
  }
}
