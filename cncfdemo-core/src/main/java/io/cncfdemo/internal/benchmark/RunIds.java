package io.cncfdemo.internal.benchmark;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * A run's id: its name as a DNS label (at most 20 characters), the UTC time and 4 random hex
 * digits, e.g. {@code aws-us-west-2-20261125-101530-9f3a}; unique per run, usable as a namespace
 * suffix and a Pushgateway instance.
 */
public final class RunIds {
  private static final DateTimeFormatter TIME =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
  private static final SecureRandom RANDOM = new SecureRandom();

  private RunIds() {}

  public static String of(String name, Instant started) {
    var label =
        name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
    if (label.length() > 20) {
      label = label.substring(0, 20).replaceAll("-+$", "");
    }
    return (label.isEmpty() ? "run" : label)
        + "-"
        + TIME.format(started)
        + "-"
        + String.format("%04x", RANDOM.nextInt(0x10000));
  }
}
