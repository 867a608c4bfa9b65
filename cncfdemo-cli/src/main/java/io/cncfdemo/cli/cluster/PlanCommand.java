package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.benchmark.Comparison;
import io.cncfdemo.benchmark.PlanComparison;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.demo.CompareCommand;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code cncfdemo plan --compare local,aws,...}: the same cluster planned on several providers,
 * side by side — resources, cost per hour and month, and with {@code --report} per million requests
 * — as a table and, with {@code --save-html}, one HTML page. Plans have no side effects: no
 * credentials, nothing created. A provider the project publishes that is not on the class path
 * keeps its row, naming the artifact that adds it; one that cannot plan the cluster says why.
 */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    description =
        "Plans the same cluster on several providers and puts them side by side: resources, cost"
            + " per hour and month, and per million requests at a benchmark report's throughput;"
            + " creates nothing and needs no credentials.",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo plan --compare local,aws,azure,gcp,bare-metal --minions 3",
      "  cncfdemo plan --minions 3 --report local.json --save-html plans.html",
      "  cncfdemo plan --compare aws,bare-metal --hosts 10.0.0.1,10.0.0.2,10.0.0.3,10.0.0.4"
          + " --hourly-cost 0.05"
    })
public final class PlanCommand implements Callable<Integer> {
  private final CliContext context;

  @Option(
      names = "--compare",
      split = ",",
      paramLabel = "PROVIDER",
      description =
          "The providers, in order (default: every provider the project publishes and every one"
              + " on the class path).")
  List<String> compare;

  @Option(
      names = "--name",
      defaultValue = ClusterSpec.DEFAULT_NAME,
      description = "The cluster's name (default: ${DEFAULT-VALUE}).")
  String name;

  @Option(
      names = "--masters",
      defaultValue = "1",
      description = "Control-plane nodes (default: ${DEFAULT-VALUE}).")
  int masters;

  @Option(
      names = "--minions",
      defaultValue = "3",
      description = "Worker nodes (default: ${DEFAULT-VALUE}).")
  int minions;

  @Option(
      names = "--report",
      paramLabel = "RUN.json",
      description =
          "A report saved by 'cncfdemo benchmark --save-json': cost per million requests at its"
              + " throughput.")
  Path report;

  @Option(
      names = "--save-html",
      paramLabel = "FILE",
      description = "Save the comparison as one HTML page.")
  Path saveHtml;

  @Mixin BareMetalOptions bareMetal;

  public PlanCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    // the cluster is checked once, before any provider plans it
    var cluster = Cluster.on(Providers.local()).named(name).masters(masters).minions(minions);
    var report = this.report == null ? null : CompareCommand.read(this.report);
    var onClassPath = new LinkedHashMap<String, ClusterProvider>();
    Providers.available().forEach(provider -> onClassPath.put(provider.name(), provider));
    var plans = new ArrayList<ProvisioningPlan>();
    var unavailable = new LinkedHashMap<String, String>();
    for (var provider : providers(onClassPath)) {
      if (!onClassPath.containsKey(provider)) {
        unavailable.put(provider, "");
        continue;
      }
      try {
        plans.add(plan(provider, cluster));
      } catch (InvalidInputException | UsageException e) {
        unavailable.put(provider, e.getMessage());
      } catch (CncfDemoException e) {
        unavailable.put(provider, "could not plan: " + e.getMessage());
      }
    }
    if (plans.isEmpty()) {
      var reasons = new ArrayList<String>();
      unavailable.forEach(
          (provider, reason) ->
              reasons.add(provider + ": " + (reason.isEmpty() ? "not on the class path" : reason)));
      throw new UsageException(
          "no provider could plan the cluster (" + String.join("; ", reasons) + ")");
    }
    var comparison = Comparison.ofPlans(plans);
    for (Map.Entry<String, String> entry : unavailable.entrySet()) {
      comparison =
          entry.getValue().isEmpty()
              ? comparison.absent(entry.getKey())
              : comparison.unavailable(entry.getKey(), entry.getValue());
    }
    comparison = report == null ? comparison : comparison.report(report);
    print(comparison);
    return ExitCodes.OK;
  }

  private void print(PlanComparison comparison) {
    context.console().line(cluster() + " on " + comparison.plans().size() + " providers:");
    context.console().print(comparison.toText());
    if (saveHtml != null) {
      context.console().line("HTML comparison: " + comparison.saveHtml(saveHtml));
    }
  }

  private String cluster() {
    return "Cluster "
        + name
        + ": "
        + masters
        + (masters == 1 ? " master, " : " masters, ")
        + minions
        + (minions == 1 ? " minion" : " minions");
  }

  /** The providers to plan on, by their library names, each once, in the order given. */
  private List<String> providers(Map<String, ClusterProvider> onClassPath) {
    var known = new TreeSet<>(Providers.published());
    known.addAll(onClassPath.keySet());
    if (compare == null) {
      return List.copyOf(known);
    }
    var chosen = new LinkedHashSet<String>();
    for (var given : compare) {
      var provider = given.equals(BareMetalOptions.NAME) ? BareMetalTarget.PROVIDER : given;
      if (!known.contains(provider)) {
        throw new InvalidInputException(
            "--compare", given, "providers among " + String.join(", ", shown(known)));
      }
      if (!chosen.add(provider)) {
        throw new InvalidInputException(
            "--compare", String.join(",", compare), "each provider at most once");
      }
    }
    return List.copyOf(chosen);
  }

  private ProvisioningPlan plan(String provider, Cluster cluster) {
    if (provider.equals(BareMetalTarget.PROVIDER)) {
      var servers =
          bareMetal
              .servers()
              .orElseThrow(
                  () ->
                      new UsageException(
                          "needs the servers to plan on: give --hosts h1,h2,... or --inventory"
                              + " FILE"));
      var spec = cluster.spec();
      if (servers.hosts().size() != spec.nodes()) {
        throw new UsageException(
            "needs "
                + spec.nodes()
                + " servers, one per node, was given "
                + servers.hosts().size());
      }
      return Cluster.on(servers)
          .named(spec.name())
          .masters(spec.masters())
          .minions(spec.minions())
          .plan();
    }
    var spec = cluster.spec();
    return Cluster.on(ProviderTargets.of(provider))
        .named(spec.name())
        .masters(spec.masters())
        .minions(spec.minions())
        .plan();
  }

  /** Provider names as the command line spells them ({@code bare-metal}), sorted. */
  private static List<String> shown(TreeSet<String> providers) {
    return providers.stream()
        .map(
            provider ->
                provider.equals(BareMetalTarget.PROVIDER) ? BareMetalOptions.NAME : provider)
        .sorted()
        .toList();
  }
}
