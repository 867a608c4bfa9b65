package io.cncfdemo.internal.cluster;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import org.jspecify.annotations.Nullable;

/** Kubernetes quantities as numbers, and numbers as people read them. */
public final class Quantities {
  private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
  private static final BigDecimal GIBIBYTE = BigDecimal.valueOf(1L << 30);

  private Quantities() {}

  /** A CPU quantity in millicores ({@code 2} is 2000, {@code 250m} is 250); 0 when absent. */
  public static long millicores(@Nullable Quantity quantity) {
    return quantity == null
        ? 0
        : Quantity.getAmountInBytes(quantity)
            .multiply(THOUSAND)
            .setScale(0, RoundingMode.CEILING)
            .longValue();
  }

  /** A memory quantity in bytes ({@code 1Gi} is 1073741824); 0 when absent. */
  public static long bytes(@Nullable Quantity quantity) {
    return quantity == null
        ? 0
        : Quantity.getAmountInBytes(quantity).setScale(0, RoundingMode.CEILING).longValue();
  }

  /** Millicores as CPUs with at most two decimals and no trailing zeros: {@code 9.5}, {@code 6}. */
  public static String cpus(long millicores) {
    return plain(BigDecimal.valueOf(millicores).divide(THOUSAND, 2, RoundingMode.HALF_UP));
  }

  /** Bytes as gibibytes with at most two decimals: {@code 12.5Gi}, {@code 0.25Gi}. */
  public static String gibibytes(long bytes) {
    return plain(BigDecimal.valueOf(bytes).divide(GIBIBYTE, 2, RoundingMode.HALF_UP)) + "Gi";
  }

  private static String plain(BigDecimal value) {
    var stripped = value.stripTrailingZeros();
    return (stripped.scale() < 0 ? stripped.setScale(0) : stripped).toPlainString();
  }
}
