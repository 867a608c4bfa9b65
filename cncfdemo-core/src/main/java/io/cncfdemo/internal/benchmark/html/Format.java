package io.cncfdemo.internal.benchmark.html;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Numbers as the report shows them: few digits, grouped thousands; the exact value goes into a data
 * attribute.
 */
final class Format {
  private Format() {}

  /** {@code 12,345}, {@code 123.4}, {@code 9.87}, {@code 0.0123}. */
  static String number(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "–";
    }
    double magnitude = Math.abs(value);
    if (magnitude >= 1000) {
      return String.format(Locale.ROOT, "%,.0f", value);
    }
    if (magnitude >= 100) {
      return String.format(Locale.ROOT, "%.1f", value);
    }
    if (magnitude >= 1 || magnitude == 0) {
      return String.format(Locale.ROOT, "%.2f", value);
    }
    return new BigDecimal(value)
        .round(new java.math.MathContext(3, RoundingMode.HALF_UP))
        .stripTrailingZeros()
        .toPlainString();
  }

  /** Whole counts: {@code 1,234,567}. */
  static String count(long value) {
    return String.format(Locale.ROOT, "%,d", value);
  }

  /** US dollars: {@code $0.2080}, {@code $1.23}; tiny amounts with enough digits to be seen. */
  static String usd(BigDecimal value) {
    var abs = value.abs();
    if (abs.signum() == 0) {
      return "$0.00";
    }
    int scale =
        abs.compareTo(BigDecimal.ONE) >= 0 ? 2 : abs.compareTo(new BigDecimal("0.01")) >= 0 ? 4 : 6;
    return "$" + value.setScale(scale, RoundingMode.HALF_UP).toPlainString();
  }

  /** Percent of a ratio: {@code 0.55%}. */
  static String percent(double ratio) {
    return number(ratio * 100) + "%";
  }

  /** The exact value for a {@code data-value} attribute: reads back as the same double. */
  static String exact(double value) {
    return Double.toString(value);
  }
}
