package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo bootstrap <provider>}: creates a cluster, or shows with {@code --plan} what it
 * would create.
 */
@Command(
    name = "bootstrap",
    mixinStandardHelpOptions = true,
    description =
        "Creates a Kubernetes cluster on a provider (local: a simulated cluster on this machine,"
            + " kept running in the background until 'cncfdemo destroy local').",
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo bootstrap local --name demo --minions 3",
      "  cncfdemo bootstrap aws --name demo --region eu-west-1 --plan",
      "  cncfdemo bootstrap bare-metal --hosts 10.0.0.11,10.0.0.12,10.0.0.13 --ssh-user ops"
          + " --ssh-key ~/.ssh/id_ed25519",
      "  cncfdemo bootstrap aws --name demo --region us-west-2 --api-access-cidr 203.0.113.7/32",
      "",
      "Then: export KUBECONFIG=~/.cncfdemo/clusters/demo/kubeconfig, or let cncfdemo find it."
    })
public final class BootstrapCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      index = "0",
      paramLabel = "PROVIDER",
      description = "A provider on the class path, e.g. local or aws.")
  String provider;

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

  @Option(names = "--region", description = "AWS region, Azure location, GCP zone or Packet metro.")
  String region;

  @Option(
      names = "--kubernetes-version",
      paramLabel = "VERSION",
      description = "Kubernetes version, 1.N or 1.N.P.")
  String kubernetesVersion;

  @Option(names = "--node-cpu", description = "local: CPU of each simulated node, e.g. 4 or 3500m.")
  String nodeCpu;

  @Option(names = "--node-memory", description = "local: memory of each simulated node, e.g. 16Gi.")
  String nodeMemory;

  @Option(
      names = "--api-access-cidr",
      paramLabel = "CIDR",
      description =
          "aws, azure, gcp: the IPv4 CIDR allowed to reach SSH and the Kubernetes API, e.g."
              + " 203.0.113.7/32 (required to create).")
  String apiAccessCidr;

  @Option(
      names = "--subscription",
      paramLabel = "ID",
      description =
          "azure: the subscription ID (default: AZURE_SUBSCRIPTION_ID or the Azure CLI's default).")
  String subscription;

  @Option(
      names = "--vm-size",
      paramLabel = "SIZE",
      description = "azure: the minions' VM size, e.g. Standard_D2s_v5.")
  String vmSize;

  @Option(
      names = "--master-vm-size",
      paramLabel = "SIZE",
      description = "azure: the masters' VM size.")
  String masterVmSize;

  @Option(
      names = "--plan",
      description = "Show what would be created and what it costs; create nothing.")
  boolean plan;

  @Option(
      names = "--timeout",
      defaultValue = "5m",
      description = "How long to wait for the cluster (default: ${DEFAULT-VALUE}).")
  String timeout;

  @Mixin OutputOption output;

  @Mixin BareMetalOptions bareMetal;

  @Mixin io.cncfdemo.cli.live.LiveOptions live;

  public BootstrapCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var target = ProviderTargets.inRegion(bareMetal.targetOf(provider), region);
    if (target instanceof LocalTarget local) {
      target = nodeCpu == null ? local : local.nodeCpu(nodeCpu);
      target = nodeMemory == null ? target : ((LocalTarget) target).nodeMemory(nodeMemory);
    } else if (nodeCpu != null || nodeMemory != null) {
      throw new UsageException("--node-cpu and --node-memory apply to the local provider only");
    }
    target = ProviderTargets.withApiAccessCidr(target, apiAccessCidr);
    target = ProviderTargets.withAzureOptions(target, subscription, vmSize, masterVmSize);
    var cluster = Cluster.on(target).named(name).masters(masters).minions(minions);
    cluster = kubernetesVersion == null ? cluster : cluster.kubernetesVersion(kubernetesVersion);
    if (plan) {
      var planned = cluster.plan();
      if (output.json()) {
        context.console().print(Json.write(planned));
      } else {
        context.console().print(planned.describe());
      }
      return ExitCodes.OK;
    }
    Map<String, Object> result;
    try (var progress =
        live.cluster(
            Progress.on(context.console(), output.json()), context.console(), "create", name)) {
      progress.phase(
          "creating cluster "
              + name
              + " on "
              + target.describe()
              + " ("
              + masters
              + " master"
              + (masters == 1 ? "" : "s")
              + ", "
              + minions
              + " minion"
              + (minions == 1 ? "" : "s")
              + ")");
      result =
          target instanceof LocalTarget
              ? new LocalBootstrap(context, cluster, holdArguments(), timeout).run(progress)
              : new RemoteBootstrap(context, cluster.reportingTo(progress::phase)).run();
      progress.finish("cluster " + name + " is ready");
    }
    print(result);
    return ExitCodes.OK;
  }

  private List<String> holdArguments() {
    var arguments =
        new ArrayList<>(
            List.of(
                "--name",
                name,
                "--masters",
                String.valueOf(masters),
                "--minions",
                String.valueOf(minions)));
    if (kubernetesVersion != null) {
      arguments.addAll(List.of("--kubernetes-version", kubernetesVersion));
    }
    if (nodeCpu != null) {
      arguments.addAll(List.of("--node-cpu", nodeCpu));
    }
    if (nodeMemory != null) {
      arguments.addAll(List.of("--node-memory", nodeMemory));
    }
    return arguments;
  }

  private void print(Map<String, Object> result) {
    if (output.json()) {
      context.console().print(Json.write(result));
      return;
    }
    var console = context.console();
    console.line(
        "Cluster "
            + result.get("name")
            + ": Kubernetes "
            + result.get("kubernetesVersion")
            + " at "
            + result.get("apiServer")
            + ", "
            + result.get("nodes")
            + " nodes");
    console.line("kubeconfig: " + result.get("kubeconfig"));
    console.line("");
    console.line("  export KUBECONFIG=" + result.get("kubeconfig"));
    console.line("");
    console.line(
        "cncfdemo start, get, apply ... use it by default; remove it with: cncfdemo destroy "
            + provider
            + " --name "
            + result.get("name"));
  }

  /** The result of a bootstrap as printed by {@code --output json}. */
  static Map<String, Object> result(
      String name,
      String provider,
      Object apiServer,
      Object nodes,
      Object version,
      Object kubeconfig) {
    var result = new LinkedHashMap<String, Object>();
    result.put("name", name);
    result.put("provider", provider);
    result.put("apiServer", apiServer);
    result.put("nodes", nodes);
    result.put("kubernetesVersion", version);
    result.put("kubeconfig", kubeconfig);
    return result;
  }
}
