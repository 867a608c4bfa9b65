package io.cncfdemo.cli.demo;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cncfdemo render}: the demo's objects as YAML that {@code kubectl apply -f} accepts,
 * without a cluster.
 */
@Command(
    name = "render",
    mixinStandardHelpOptions = true,
    description =
        "Prints the demo's objects as one YAML stream, or with --out writes one file per stage "
            + "(01-foundation.yaml, ...); needs no cluster.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo render > demo.yaml",
      "  cncfdemo render --apps countly,mongo-sharded=2 --minions 5 --out manifests/",
      "  cncfdemo render --out manifests/ && kubectl apply -f manifests/"
    })
public final class RenderCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin DemoOptions demoOptions;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Write one file per stage into this directory.")
  Path out;

  @Option(
      names = "--minions",
      defaultValue = "3",
      description = "Render for a cluster of this many minions (default: ${DEFAULT-VALUE}).")
  int minions;

  public RenderCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var compiled = demoOptions.demo().compile(minions);
    if (out == null) {
      context.console().print(compiled.toYaml());
      return ExitCodes.OK;
    }
    for (var file : compiled.writeTo(out)) {
      context.console().line(file.toString());
    }
    return ExitCodes.OK;
  }
}
