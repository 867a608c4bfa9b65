package io.cncfdemo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.CliEnvironment;
import io.cncfdemo.cli.common.Console;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The lazily built command line: only the verb that runs is built, and the stand-ins of the others
 * give the same help and the same hand-off to kubectl as the fully built one.
 */
class VerbsTest {
  @TempDir Path directory;

  @Test
  void rootHelp_fromStandIns_isTheHelpOfTheFullyBuiltCommandLine() {
    var full = Cli.commandLine(context()).getUsageMessage(CommandLine.Help.Ansi.OFF);

    var run = CliRun.run(directory, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).isEqualTo(full).contains("  plan ", "  create ");
  }

  @Test
  void onlyTheVerbThatRuns_isBuilt() {
    var root = new CommandLine(new CncfDemoCommand(context()), new CommandFactory(context()));
    Verbs.addTo(root, Verbs.of(new String[] {"create", "configmap", "x"}), false);

    var create = root.getSubcommands().get("create");
    assertThat(create.getSubcommands()).containsKeys("configmap", "secret");
    assertThat(create.getCommandSpec().userObject()).isNotNull();
    var get = root.getSubcommands().get("get");
    assertThat(get.getCommandSpec().options()).isEmpty();
    assertThat(get.getCommandSpec().userObject()).isNull();
    assertThat(root.getSubcommands().keySet())
        .containsAll(Cli.commandLine(context()).getSubcommands().keySet());
  }

  @Test
  void theVerbOfACommandLine_isItsFirstArgument_unlessThatIsAnOption() {
    assertThat(Verbs.of(new String[] {"get", "pods"})).contains("get");
    assertThat(Verbs.of(new String[] {"--help"})).isEmpty();
    assertThat(Verbs.of(new String[0])).isEqualTo(Optional.empty());
  }

  @Test
  void everyTrainingCommandOfTheStartupCache_succeedsWithoutACluster() {
    for (var command : StartupTraining.COMMANDS) {
      var run = CliRun.run(directory, command.toArray(String[]::new));
      assertThat(run.exitCode()).as("%s: %s", command, run.err()).isZero();
    }
  }

  private CliContext context() {
    return new CliContext(
        new Console(
            new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()), false),
        new CliEnvironment(Map.of(), directory));
  }
}
