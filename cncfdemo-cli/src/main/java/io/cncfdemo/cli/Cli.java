package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.Console;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.kubectl.KubectlError;
import io.cncfdemo.cli.kubectl.KubectlServerError;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Builds the {@code cncfdemo} command line and runs it: picocli parses, the commands act through
 * the {@link Console}, errors become exit codes (2 for bad usage and invalid input, 1 for
 * failures), and a verb cncfdemo does not implement goes to {@code kubectl}.
 */
public final class Cli {
  private Cli() {}

  /**
   * The command line of the CLI with every verb built, with its error handling, for this context.
   */
  public static CommandLine commandLine(CliContext context) {
    return commandLine(context, Optional.empty(), true);
  }

  private static CommandLine commandLine(CliContext context, Optional<String> verb, boolean all) {
    var commandLine = new CommandLine(new CncfDemoCommand(context), new CommandFactory(context));
    Verbs.addTo(commandLine, verb, all);
    commandLine.setOut(context.console().out());
    commandLine.setErr(context.console().err());
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExecutionExceptionHandler(
        (exception, cl, parseResult) -> handle(context.console(), exception));
    commandLine.setParameterExceptionHandler(
        (exception, args) -> usage(context.console(), exception));
    return commandLine;
  }

  /** Runs the CLI with these arguments and returns its exit code. */
  public static int run(CliContext context, String... args) {
    // only the verb that runs is built; the others stand in with their names and descriptions
    var commandLine = commandLine(context, Verbs.of(args), false);
    var unknownVerb = KubectlFallback.unknownVerb(commandLine, args);
    if (unknownVerb.isPresent()) {
      return new KubectlFallback(context).run(unknownVerb.get(), args);
    }
    return commandLine.execute(args);
  }

  private static int handle(Console console, Exception exception) {
    if (exception instanceof UsageException || exception instanceof InvalidInputException) {
      console.error(exception.getMessage());
      return ExitCodes.USAGE;
    }
    if (exception instanceof KubectlServerError) {
      console.errLine(exception.getMessage());
      return ExitCodes.FAILED;
    }
    if (exception instanceof KubectlError || exception instanceof CncfDemoException) {
      console.error(exception.getMessage());
      return ExitCodes.FAILED;
    }
    if (exception instanceof KubernetesClientException kubernetes) {
      console.errLine(KubernetesErrors.describe(kubernetes));
      return ExitCodes.FAILED;
    }
    console.error(exception.getClass().getSimpleName() + ": " + exception.getMessage());
    return ExitCodes.FAILED;
  }

  private static int usage(Console console, CommandLine.ParameterException exception) {
    console.error(exception.getMessage());
    var name = exception.getCommandLine().getCommandSpec().qualifiedName();
    console.errLine("See '" + name + " --help' for help and examples.");
    return ExitCodes.USAGE;
  }
}
