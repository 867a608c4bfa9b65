package io.cncfdemo.cli.common;

import picocli.CommandLine.Option;

/** {@code -o, --output text|json}: text for people (the default), one JSON document for scripts. */
public final class OutputOption {
  /** The output formats of the demo verbs. */
  public enum Format {
    TEXT,
    JSON
  }

  @Option(
      names = {"-o", "--output"},
      defaultValue = "text",
      paramLabel = "FORMAT",
      description = "text (default) or json, for scripts.")
  Format format;

  /** Whether the command prints one JSON document instead of text and progress. */
  public boolean json() {
    return format == Format.JSON;
  }
}
