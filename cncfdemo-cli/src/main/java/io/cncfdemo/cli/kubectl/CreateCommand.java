package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cncfdemo create}: {@code configmap} and {@code secret generic} as kubectl has them; others
 * go to kubectl.
 */
@Command(
    name = "create",
    mixinStandardHelpOptions = true,
    description =
        "Creates a ConfigMap or a generic Secret as kubectl does; other kinds are handed to"
            + " kubectl.",
    subcommands = {CreateConfigMapCommand.class, CreateSecretCommand.class},
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo create configmap app-config --from-file=config/ --dry-run=client -o yaml",
      "  cncfdemo create secret generic db --from-literal=password=s3cret"
    })
public final class CreateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliContext context;

  public CreateCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.console().err());
    return ExitCodes.USAGE;
  }
}
