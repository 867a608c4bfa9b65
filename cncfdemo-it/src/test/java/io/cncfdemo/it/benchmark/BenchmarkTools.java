package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/**
 * The Debian tools the benchmark tests run; a missing one fails the test, saying how to install it.
 * Never skips.
 */
final class BenchmarkTools {
  static final String INSTALL =
      "run scripts/install-benchmark-tools (Debian packages wrk, prometheus, "
          + "prometheus-pushgateway, chromium)";

  private BenchmarkTools() {}

  static Path require(String tool) {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      var candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail("%s is not on the PATH; this test needs it: %s", tool, INSTALL);
  }

  /** Removes {@code directory} and everything in it. */
  static void deleteTree(Path directory) throws IOException {
    try (var files = Files.walk(directory)) {
      for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(file);
      }
    }
  }
}
