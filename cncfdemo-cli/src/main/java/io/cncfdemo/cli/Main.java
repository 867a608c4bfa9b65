package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.Console;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code cncfdemo} command: the entry point of the runnable jar and of {@code
 * scripts/cncfdemo}.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    // benchmark shows the benchmark's notes itself, as progress and in its summary
    var benchmarkEvents = "org.slf4j.simpleLogger.log.io.cncfdemo.internal.benchmark.SafeListener";
    if (System.getProperty(benchmarkEvents) == null) {
      System.setProperty(benchmarkEvents, "error");
    }
    var out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    var err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    var context =
        new CliContext(new Console(out, err, Terminals.isTerminal()), CliEnvironment.ofSystem());
    int code = Cli.run(context, args);
    out.flush();
    err.flush();
    System.exit(code);
  }
}
