package io.cncfdemo.cli.common;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import java.util.regex.Pattern;

/** Durations on the command line as kubectl writes them: {@code 90s}, {@code 5m}, {@code 1h30m}. */
public final class DurationOption {
  private static final Pattern WHOLE = Pattern.compile("(\\d+(ms|s|m|h))+");
  private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h)");

  private DurationOption() {}

  public static Duration parse(String option, String text) {
    if (text == null || !WHOLE.matcher(text).matches()) {
      throw new InvalidInputException(option, text, "a duration such as 90s, 5m or 1h30m");
    }
    var total = Duration.ZERO;
    var matcher = PART.matcher(text);
    while (matcher.find()) {
      long amount = Long.parseLong(matcher.group(1));
      total =
          total.plus(
              switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
              });
    }
    if (total.isZero()) {
      throw new InvalidInputException(option, text, "a positive duration such as 90s, 5m or 1h30m");
    }
    return total;
  }

  public static String format(Duration duration) {
    var text = duration.toString().substring(2).toLowerCase(java.util.Locale.ROOT);
    return text.replaceAll("\\.\\d+s", "s");
  }
}
