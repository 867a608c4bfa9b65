package io.cncfdemo.bootstrap;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code cloud-init schema --config-file} (Debian's package cloud-init) on a document, for the
 * tests of every provider's user data.
 */
public final class CloudInitSchema {
  /** What cloud-init said, and its exit code. */
  public record Result(int exitCode, String output) {}

  private CloudInitSchema() {}

  /** Writes {@code userData} to {@code file} and validates it. */
  public static Result validate(Path file, String userData)
      throws IOException, InterruptedException {
    Files.writeString(file, userData);
    return run("cloud-init", "schema", "--config-file", file.toString());
  }

  static Result run(String... command) throws IOException, InterruptedException {
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      return fail(
          command[0]
              + " is not installed: run scripts/install-moto (it installs the Debian package"
              + " cloud-init), or apt-get install cloud-init",
          e);
    }
    var output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return fail(String.join(" ", command) + " did not finish in 60 s");
    }
    return new Result(process.exitValue(), output);
  }
}
