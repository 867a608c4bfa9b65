package io.cncfdemo.support;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Parses and prints durations in the style of kubectl and Go, {@code 90s}, {@code 5m}, {@code
 * 1h30m}, {@code 250ms}: whole numbers of {@code ms}, {@code s}, {@code m}, {@code h} and also
 * {@code d} (days), which Go lacks; fractions such as {@code 1.5h} and the units {@code us} and
 * {@code ns} are not accepted.
 */
public final class Durations {
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h|d))+");

  private Durations() {}

  /**
   * Parses {@code text} for {@code field}; throws {@link InvalidInputException} on anything else.
   */
  public static Duration parse(String field, String text) {
    if (text == null || !WHOLE.matcher(text.trim()).matches()) {
      throw new InvalidInputException(
          field, text, "a duration such as 250ms, 30s, 5m, 1h30m or 2d");
    }
    var matcher = PART.matcher(text.trim());
    var total = Duration.ZERO;
    while (matcher.find()) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
              });
    }
    return Check.positive(field, total);
  }

  /** Prints a duration compactly: {@code 1h30m}, {@code 45s}, {@code 250ms}. */
  public static String format(Duration duration) {
    if (duration.isNegative()) {
      return "-" + format(duration.negated());
    }
    if (duration.isZero()) {
      return "0s";
    }
    var out = new StringBuilder();
    long hours = duration.toHours();
    if (hours > 0) {
      out.append(hours).append('h');
    }
    if (duration.toMinutesPart() > 0) {
      out.append(duration.toMinutesPart()).append('m');
    }
    if (duration.toSecondsPart() > 0) {
      out.append(duration.toSecondsPart()).append('s');
    }
    if (duration.toMillisPart() > 0) {
      out.append(duration.toMillisPart()).append("ms");
    }
    return out.toString();
  }
}
