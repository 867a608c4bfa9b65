package io.cncfdemo.cli;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code cncfdemo}: shadows and complements kubectl — {@code create configmap}, {@code create
 * secret generic}, {@code apply}, {@code get} and {@code delete} as kubectl has them, every other
 * kubectl verb handed to kubectl, plus the demo's own {@code bootstrap}, {@code start}, {@code
 * status}, {@code render}, {@code destroy}, {@code benchmark}, {@code compare} and {@code plan}.
 * Its verbs are added by {@link Verbs}.
 */
@Command(
    name = "cncfdemo",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = {
      "Bootstraps Kubernetes clusters, deploys the CNCF demo on them, and shadows kubectl.",
      "Verbs cncfdemo does not implement are handed to the kubectl on the PATH."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo bootstrap local --name demo       # a simulated cluster, kept running in the"
          + " background",
      "  cncfdemo start --apps countly,mongo-sharded=3,boinc",
      "  cncfdemo status",
      "  cncfdemo benchmark --time 5m --save-html report.html --save-json local.json",
      "  cncfdemo compare local.json aws.json --save-html compare.html",
      "  cncfdemo create configmap app --from-file=conf/ --dry-run=client -o yaml",
      "  cncfdemo apply -f manifests/ --set replicas=3",
      "  cncfdemo logs deploy/countly-api          # handed to kubectl",
      "  cncfdemo destroy local --name demo",
      "",
      "Exit codes: 0 done, 1 failed, 2 bad usage."
    })
public final class CncfDemoCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  private final CliContext context;

  public CncfDemoCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    spec.commandLine().usage(context.console().out());
    return ExitCodes.USAGE;
  }
}
