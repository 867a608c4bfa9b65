package io.cncfdemo.apps;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the command-line tools some tests need (promtool, kubectl); a missing tool fails the test,
 * saying how to get it.
 */
public final class Tools {
  private Tools() {}

  /** The output of a finished process. */
  public record Result(int exitCode, String output) {}

  /**
   * The path of {@code tool} on the PATH; fails the test, naming the package that installs it, when
   * there is none.
   */
  public static Path require(String tool, String install) {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
      var candidate = Path.of(dir, tool);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    return fail("%s is not on the PATH; this test needs it: %s", tool, install);
  }

  /**
   * Runs a command with extra environment variables, at most {@code seconds}, and returns its exit
   * code and output.
   */
  public static Result run(List<String> command, Map<String, String> environment, int seconds)
      throws IOException, InterruptedException {
    var builder = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    builder.environment().putAll(environment);
    var process = builder.start();
    process.getOutputStream().close();
    var output = new StringBuilder();
    var reader =
        new Thread(
            () -> {
              try {
                output.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(')');
              }
            });
    reader.start();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      reader.join(5000);
      return fail("%s did not finish within %d s; output so far:%n%s", command, seconds, output);
    }
    reader.join(5000);
    return new Result(process.exitValue(), output.toString());
  }
}
