package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import picocli.CommandLine;

/**
 * Creates the commands, handing those that take a {@link CliContext} in their constructor the CLI's
 * context.
 */
final class CommandFactory implements CommandLine.IFactory {
  private final CliContext context;

  CommandFactory(CliContext context) {
    this.context = context;
  }

  @Override
  public <K> K create(Class<K> type) throws Exception {
    try {
      return type.getDeclaredConstructor(CliContext.class).newInstance(context);
    } catch (NoSuchMethodException e) {
      return CommandLine.defaultFactory().create(type);
    }
  }
}
