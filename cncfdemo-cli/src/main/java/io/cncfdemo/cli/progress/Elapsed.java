package io.cncfdemo.cli.progress;

import java.time.Duration;

/** Elapsed time as progress shows it: {@code 4.2s}, {@code 1m05s}. */
final class Elapsed {
  private Elapsed() {}

  static String format(Duration elapsed) {
    long seconds = elapsed.toSeconds();
    if (seconds < 60) {
      return String.format("%.1fs", elapsed.toMillis() / 1000.0);
    }
    return String.format("%dm%02ds", seconds / 60, seconds % 60);
  }
}
