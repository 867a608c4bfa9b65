package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Headless Chromium (Debian's {@code chromium}) opening a local file, offline: the DOM as rendered,
 * and a screenshot. Background networking, sync and component updates are off, so a page that
 * fetched anything would show it broken.
 */
final class Chromium {
  private static final int SECONDS = 90;

  private Chromium() {}

  /** The DOM of {@code page} after Chromium loaded it. */
  static String dumpDom(Path page) throws IOException, InterruptedException {
    return run(List.of("--dump-dom", page.toAbsolutePath().toUri().toString()));
  }

  /** Writes a PNG of {@code page} at 1280 pixels wide and {@code height} high to {@code png}. */
  static Path screenshot(Path page, Path png, int height) throws IOException, InterruptedException {
    Files.createDirectories(png.toAbsolutePath().getParent());
    Files.deleteIfExists(png);
    run(
        List.of(
            "--screenshot=" + png.toAbsolutePath(),
            "--window-size=1280," + height,
            "--hide-scrollbars",
            page.toAbsolutePath().toUri().toString()));
    assertThat(png).as("the screenshot Chromium was asked for").isRegularFile();
    return png;
  }

  /** Headless Chromium with {@code profile}, offline: no background networking, sync or updates. */
  static List<String> headless(Path chromium, Path profile) {
    return new ArrayList<>(
        List.of(
            chromium.toString(),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--user-data-dir=" + profile));
  }

  private static String run(List<String> arguments) throws IOException, InterruptedException {
    var chromium = BenchmarkTools.require("chromium");
    var profile = Files.createTempDirectory("cncfdemo-chromium");
    try {
      var command = headless(chromium, profile);
      command.addAll(arguments);
      var stdout = profile.resolve("stdout");
      var stderr = profile.resolve("stderr");
      var process =
          new ProcessBuilder(command)
              .redirectOutput(stdout.toFile())
              .redirectError(stderr.toFile())
              .start();
      process.getOutputStream().close();
      if (!process.waitFor(SECONDS, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        fail("chromium did not finish within %d s: %s", SECONDS, command);
      }
      if (process.exitValue() != 0) {
        fail(
            "chromium failed (exit %d): %s%n%s",
            process.exitValue(), command, Files.readString(stderr));
      }
      return Files.readString(stdout, StandardCharsets.UTF_8);
    } finally {
      BenchmarkTools.deleteTree(profile);
    }
  }
}
