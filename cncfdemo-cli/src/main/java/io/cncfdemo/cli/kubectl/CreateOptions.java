package io.cncfdemo.cli.kubectl;

import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.UsageException;
import java.util.List;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options {@code create configmap} and {@code create secret generic} share with kubectl. */
final class CreateOptions {
  @Option(
      names = "--from-file",
      paramLabel = "[KEY=]SOURCE",
      description =
          "A file (keyed by its name, or KEY), or a directory (each regular file in it)."
              + " Repeatable; commas separate several.")
  List<String> fromFile = new java.util.ArrayList<>();

  @Option(
      names = "--from-literal",
      paramLabel = "KEY=VALUE",
      description = "A key and its literal value. Repeatable.")
  List<String> fromLiteral = new java.util.ArrayList<>();

  @Option(
      names = "--dry-run",
      paramLabel = "none|client|server",
      arity = "0..1",
      fallbackValue = "client",
      defaultValue = "none",
      description =
          "client: print the object, send nothing; server: send it to be checked, store nothing.")
  String dryRun;

  @Option(
      names = {"-n", "--namespace"},
      description = "The namespace (default: the context's).")
  String namespace;

  @Mixin ClusterOptions clusterOptions;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "yaml|json|name",
      description = "Print the object as yaml, json or name.")
  String output;

  /**
   * Reads the {@code --from-file} and {@code --from-literal} sources into the sink, files first, as
   * kubectl does.
   */
  <T extends DataSink> T read(T sink) {
    DataSources.addFiles(DataSources.slice(fromFile), sink);
    DataSources.addLiterals(fromLiteral, sink);
    return sink;
  }

  /** {@code none}, {@code client} or {@code server}. */
  String dryRun() {
    if (!List.of("none", "client", "server").contains(dryRun)) {
      throw new UsageException(
          "Invalid dry-run value (" + dryRun + "). Must be \"none\", \"server\", or \"client\".");
    }
    return dryRun;
  }

  /** The output format, checked: none, yaml, json or name. */
  String output() {
    if (output != null && !List.of("yaml", "json", "name").contains(output)) {
      throw new UsageException(
          "unable to match a printer suitable for the output format \""
              + output
              + "\", allowed formats are: json,name,yaml");
    }
    return output;
  }
}
