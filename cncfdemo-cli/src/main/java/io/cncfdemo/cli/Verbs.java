package io.cncfdemo.cli;

import io.cncfdemo.cli.cluster.BootstrapCommand;
import io.cncfdemo.cli.cluster.DestroyCommand;
import io.cncfdemo.cli.cluster.HoldClusterCommand;
import io.cncfdemo.cli.cluster.PlanCommand;
import io.cncfdemo.cli.demo.BenchmarkCommand;
import io.cncfdemo.cli.demo.CompareCommand;
import io.cncfdemo.cli.demo.RenderCommand;
import io.cncfdemo.cli.demo.StartCommand;
import io.cncfdemo.cli.demo.StatusCommand;
import io.cncfdemo.cli.kubectl.ApplyCommand;
import io.cncfdemo.cli.kubectl.CreateCommand;
import io.cncfdemo.cli.kubectl.DeleteCommand;
import io.cncfdemo.cli.kubectl.GetCommand;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The verbs under {@code cncfdemo}, in the order its help lists them, added to the command line
 * lazily: picocli builds the model of a verb (reflection over its options, mixins and subcommands)
 * only when the verb runs; every other verb is a stand-in that has just its name, aliases and
 * description, which is all the root's help and the hand-off to kubectl need.
 */
final class Verbs {
  /** Every verb, in help order. */
  static final List<Class<?>> ALL =
      List.of(
          BootstrapCommand.class,
          StartCommand.class,
          StatusCommand.class,
          RenderCommand.class,
          DestroyCommand.class,
          BenchmarkCommand.class,
          CompareCommand.class,
          PlanCommand.class,
          CreateCommand.class,
          ApplyCommand.class,
          GetCommand.class,
          DeleteCommand.class,
          CompletionCommand.class,
          HoldClusterCommand.class,
          io.cncfdemo.cli.live.ReplayCommand.class);

  private Verbs() {}

  /**
   * Adds every verb to the root: all of them built, or only {@code verb} (stand-ins for the rest).
   */
  static void addTo(CommandLine root, Optional<String> verb, boolean all) {
    for (var type : ALL) {
      var command = type.getAnnotation(Command.class);
      if (all || verb.filter(name -> names(command, name)).isPresent()) {
        root.addSubcommand(command.name(), type, command.aliases());
      } else {
        root.addSubcommand(command.name(), standIn(command), command.aliases());
      }
    }
  }

  /** The verb of a command line: its first argument, unless that is an option. */
  static Optional<String> of(String[] args) {
    return args.length == 0 || args[0].startsWith("-") ? Optional.empty() : Optional.of(args[0]);
  }

  private static boolean names(Command command, String name) {
    return command.name().equals(name) || List.of(command.aliases()).contains(name);
  }

  private static CommandLine standIn(Command command) {
    var spec = CommandSpec.create().name(command.name()).aliases(command.aliases());
    spec.usageMessage().description(command.description()).hidden(command.hidden());
    return new CommandLine(spec);
  }
}
