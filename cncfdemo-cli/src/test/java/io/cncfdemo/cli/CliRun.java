package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the CLI in this JVM as {@code cncfdemo ARGS} would run, with captured output, a state
 * directory of the test's own and the environment variables given.
 *
 * @param exitCode the exit code
 * @param out what it printed to standard output
 * @param err what it printed to standard error
 */
public record CliRun(int exitCode, String out, String err) {

  /**
   * Runs with this state directory as {@code $CNCFDEMO_HOME}, the process's PATH, and no terminal.
   */
  public static CliRun run(Path home, String... args) {
    return run(home, Map.of(), false, args);
  }

  public static CliRun run(
      Path home, Map<String, String> variables, boolean terminal, String... args) {
    var out = new StringWriter();
    var err = new StringWriter();
    var environment = new HashMap<String, String>();
    environment.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    environment.put(CliEnvironment.HOME_VARIABLE, home.resolve("state").toString());
    environment.putAll(variables);
    var context =
        new CliContext(
            new Console(new PrintWriter(out, true), new PrintWriter(err, true), terminal),
            new CliEnvironment(environment, home));
    int code = Cli.run(context, args);
    return new CliRun(code, out.toString(), err.toString());
  }
}
