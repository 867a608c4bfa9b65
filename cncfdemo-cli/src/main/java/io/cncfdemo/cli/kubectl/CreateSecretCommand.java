package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cncfdemo create secret}: {@code generic} as kubectl has it; {@code tls} and {@code
 * docker-registry} go to kubectl.
 */
@Command(
    name = "secret",
    mixinStandardHelpOptions = true,
    description =
        "Creates a generic Secret as kubectl does; tls and docker-registry are handed to kubectl.",
    subcommands = CreateSecretGenericCommand.class,
    footerHeading = "%nExamples:%n",
    footer =
        "  cncfdemo create secret generic db --from-literal=password=s3cret --dry-run=client -o"
            + " yaml")
public final class CreateSecretCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliContext context;

  public CreateSecretCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.console().err());
    return ExitCodes.USAGE;
  }
}
