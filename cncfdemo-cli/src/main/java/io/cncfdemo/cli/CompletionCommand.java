package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo completion bash|zsh}: prints a completion script for every command and option.
 * The script covers every verb, so it is made from the command line with all of them built.
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description =
        "Prints a shell completion script for bash or zsh (zsh runs it through bashcompinit).",
    footerHeading = "%nExamples:%n",
    footer = {
      "  source <(cncfdemo completion bash)",
      "  cncfdemo completion bash > /etc/bash_completion.d/cncfdemo",
      "  autoload -U +X bashcompinit && bashcompinit && source <(cncfdemo completion zsh)"
    })
public final class CompletionCommand implements Callable<Integer> {
  /** The shells the script serves. */
  public enum Shell {
    BASH,
    ZSH
  }

  @Parameters(
      index = "0",
      defaultValue = "bash",
      paramLabel = "SHELL",
      description = "bash (default) or zsh.")
  Shell shell;

  private final CliContext context;

  public CompletionCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    context.console().print(AutoComplete.bash("cncfdemo", Cli.commandLine(context)));
    return ExitCodes.OK;
  }
}
