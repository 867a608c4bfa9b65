package io.cncfdemo.cluster;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.exception.InvalidInputException;
import java.util.regex.Pattern;

/** The rule for the name of a public DNS zone that targets accept ({@code publicZone(..)}). */
final class ZoneNames {
  static final String RULE =
      "the name of a public DNS zone: a lowercase domain of at least two labels of a-z, 0-9 and"
          + " '-', without the final dot, e.g. example.org";

  private static final String LABEL = "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?";
  private static final Pattern ZONE = Pattern.compile(LABEL + "(\\." + LABEL + ")+");

  private ZoneNames() {}

  /** {@code value}, if it is a zone name as {@link #RULE} says. */
  @CanIgnoreReturnValue
  static String check(String field, String value) {
    if (value == null || value.length() > 253 || !ZONE.matcher(value).matches()) {
      throw new InvalidInputException(field, value, RULE);
    }
    return value;
  }
}
