package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.Console;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The training run of the CLI's start-up cache: runs the client-side commands (help, version,
 * {@code create ... --dry-run=client}) in this JVM, their output discarded, so that a JVM started
 * with {@code -XX:ArchiveClassesAtExit} (Java 17 to 24) or {@code -XX:AOTCacheOutput} (Java 25 and
 * later) records the classes they load. {@code scripts/cncfdemo} runs it once per jar and Java and
 * starts every later command from the cache. It reads no file, needs no cluster and writes nothing.
 */
public final class StartupTraining {
  /** The commands the cache is trained on. */
  static final List<List<String>> COMMANDS =
      List.of(
          List.of("--help"),
          List.of("--version"),
          List.of("create", "--help"),
          List.of("create", "configmap", "--help"),
          List.of(
              "create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "yaml"),
          List.of(
              "create", "configmap", "x", "--from-literal=a=b", "--dry-run=client", "-o", "json"),
          List.of("create", "configmap", "x", "--from-literal=a=b", "--dry-run=client"),
          List.of(
              "create",
              "secret",
              "generic",
              "x",
              "--from-literal=a=b",
              "--dry-run=client",
              "-o",
              "yaml"));

  private StartupTraining() {}

  /** Runs every training command; exits 0 when each exited 0, 1 otherwise. */
  public static void main(String[] args) {
    var discard = new PrintWriter(Writer.nullWriter());
    var context =
        new CliContext(
            new Console(discard, discard, false),
            new CliEnvironment(Map.of(), Path.of(System.getProperty("java.io.tmpdir"))));
    int failed = 0;
    for (var command : COMMANDS) {
      if (Cli.run(context, command.toArray(String[]::new)) != 0) {
        failed++;
      }
    }
    System.exit(failed == 0 ? 0 : 1);
  }
}
