package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterStates;
import io.cncfdemo.cli.common.ExitCodes;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Optional;
import picocli.CommandLine;

/**
 * Hands a verb cncfdemo does not implement ({@code logs}, {@code describe}, {@code create
 * deployment}, ...) to the {@code kubectl} on the PATH with the same arguments, its input and
 * output inherited, and exits with its exit code. Without a {@code --kubeconfig} argument, kubectl
 * gets the kubeconfig cncfdemo would use (the bootstrapped cluster's).
 */
final class KubectlFallback {
  private final CliContext context;

  KubectlFallback(CliContext context) {
    this.context = context;
  }

  /**
   * The verb (with the verbs above it) that the command line lacks, e.g. {@code create deployment},
   * if it lacks one.
   */
  static Optional<String> unknownVerb(CommandLine commandLine, String[] args) {
    var current = commandLine;
    var path = new ArrayList<String>();
    for (var arg : args) {
      if (arg.startsWith("-") || current.getSubcommands().isEmpty()) {
        return Optional.empty();
      }
      path.add(arg);
      var next = current.getSubcommands().get(arg);
      if (next == null) {
        return Optional.of(String.join(" ", path));
      }
      current = next;
    }
    return Optional.empty();
  }

  int run(String verb, String[] args) {
    var kubectl = context.environment().executable("kubectl");
    if (kubectl.isEmpty()) {
      context
          .console()
          .error(
              "cncfdemo does not implement '"
                  + verb
                  + "' and there is no kubectl on the PATH to hand it to; install kubectl, or see"
                  + " 'cncfdemo --help'");
      return ExitCodes.FAILED;
    }
    var command = new ArrayList<String>();
    command.add(kubectl.get().toString());
    command.addAll(Arrays.asList(args));
    var builder = new ProcessBuilder(command).inheritIO();
    var environment = new HashMap<>(builder.environment());
    if (Arrays.stream(args).noneMatch(arg -> arg.startsWith("--kubeconfig"))) {
      ClusterStates.defaultKubeconfig(context.environment())
          .ifPresent(file -> environment.put("KUBECONFIG", file.toString()));
    }
    builder.environment().putAll(environment);
    context.console().out().flush();
    try {
      return builder.start().waitFor();
    } catch (IOException e) {
      context.console().error("could not run " + kubectl.get() + ": " + e.getMessage());
      return ExitCodes.FAILED;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return ExitCodes.FAILED;
    }
  }
}
