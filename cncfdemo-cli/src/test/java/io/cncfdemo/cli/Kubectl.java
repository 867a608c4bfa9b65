package io.cncfdemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real kubectl (on the PATH; {@code scripts/install-test-tools} installs it) for
 * byte-for-byte comparisons.
 */
public final class Kubectl {
  private Kubectl() {}

  public static Path binary() {
    var found =
        Arrays.stream(System.getenv().getOrDefault("PATH", "").split(":"))
            .map(directory -> Path.of(directory, "kubectl"))
            .filter(Files::isExecutable)
            .findFirst();
    assertThat(found)
        .as("kubectl on the PATH (scripts/install-test-tools installs it)")
        .isPresent();
    return found.get();
  }

  /** Runs {@code kubectl ARGS} in a directory and returns what it printed and its exit code. */
  public static CliRun run(Path directory, String... args) {
    var command = new ArrayList<String>();
    command.add(binary().toString());
    command.addAll(Arrays.asList(args));
    try {
      var process = new ProcessBuilder(command).directory(directory.toFile()).start();
      process.getOutputStream().close();
      var err = CompletableFuture.supplyAsync(() -> read(process.getErrorStream()));
      var out = read(process.getInputStream());
      assertThat(process.waitFor(2, TimeUnit.MINUTES))
          .as("kubectl %s finished", String.join(" ", args))
          .isTrue();
      return new CliRun(process.exitValue(), out, err.join());
    } catch (IOException e) {
      throw new AssertionError("could not run kubectl", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static String read(java.io.InputStream stream) {
    try {
      return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
