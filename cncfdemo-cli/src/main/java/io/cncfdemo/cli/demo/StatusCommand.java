package io.cncfdemo.cli.demo;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterOptions;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.Nodes;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.exception.CncfDemoException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code cncfdemo status}: the cluster (API server, version, nodes) and the demo's workloads, ready
 * or not.
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description =
        "Shows the cluster and the workloads of the demo started in it, with how many replicas are"
            + " ready.",
    footerHeading = "%nExamples:%n",
    footer = {"  cncfdemo status", "  cncfdemo status --cluster demo --output json"})
public final class StatusCommand implements Callable<Integer> {
  private final CliContext context;

  @Mixin ClusterOptions clusterOptions;

  @picocli.CommandLine.Option(
      names = {"-n", "--namespace"},
      defaultValue = io.cncfdemo.Demo.DEFAULT_NAME,
      description = "The demo's namespace (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Mixin OutputOption output;

  public StatusCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    try (var cluster = clusterOptions.connect(context.environment())) {
      var client = cluster.client();
      var nodes = client.nodes().list().getItems();
      var version = client.getKubernetesVersion().getGitVersion();
      var apps = DemoRecord.read(client, namespace);
      List<WorkloadStatus> workloads =
          apps.map(list -> DemoOptions.demo(list, namespace).deployedOn(cluster).status())
              .orElse(List.of());
      boolean ready = apps.isPresent() && workloads.stream().allMatch(WorkloadStatus::isReady);
      var result = new LinkedHashMap<String, Object>();
      result.put("apiServer", cluster.apiServer());
      result.put("kubernetesVersion", version);
      result.put("nodes", nodes.size());
      result.put("nodesReady", Nodes.ready(nodes));
      result.put("namespace", namespace);
      result.put("apps", apps.orElse(null));
      result.put("ready", ready);
      result.put("workloads", workloads);
      if (output.json()) {
        context.console().print(Json.write(result));
      } else {
        var console = context.console();
        console.line(
            "Cluster: Kubernetes "
                + version
                + " at "
                + cluster.apiServer()
                + ", "
                + Nodes.ready(nodes)
                + "/"
                + nodes.size()
                + " nodes ready");
        if (apps.isEmpty()) {
          console.line(
              "No demo started by cncfdemo in namespace "
                  + namespace
                  + "; start one with: cncfdemo start");
          return ExitCodes.OK;
        }
        console.line(
            "Demo in namespace "
                + namespace
                + " ("
                + apps.get()
                + "): "
                + (ready ? "ready" : "not ready"));
        console.line("");
        console.print(WorkloadTable.render(workloads));
      }
    } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
      throw new CncfDemoException("could not read the status: " + e.getMessage(), e);
    }
    return ExitCodes.OK;
  }
}
