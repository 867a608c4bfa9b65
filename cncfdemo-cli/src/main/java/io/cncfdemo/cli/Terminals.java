package io.cncfdemo.cli;

import java.util.Locale;

/**
 * Whether standard output is a terminal. {@code CNCFDEMO_PROGRESS=terminal|plain} overrides what
 * the JVM finds; otherwise a console attached to a terminal (on Java 22 and later, {@code
 * Console.isTerminal()}) decides.
 */
final class Terminals {
  static final String OVERRIDE = "CNCFDEMO_PROGRESS";

  private Terminals() {}

  static boolean isTerminal() {
    var override = System.getenv(OVERRIDE);
    if (override != null && !override.isBlank()) {
      return override.toLowerCase(Locale.ROOT).startsWith("t");
    }
    var console = System.console();
    if (console == null) {
      return false;
    }
    if (Runtime.version().feature() < 22) {
      return true;
    }
    try {
      return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
    } catch (ReflectiveOperationException e) {
      return true;
    }
  }
}
