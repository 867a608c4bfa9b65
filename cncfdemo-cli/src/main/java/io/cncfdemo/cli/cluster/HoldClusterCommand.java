package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterStates;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cluster.RunningCluster;
import java.util.LinkedHashMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The hidden command that {@code bootstrap local} runs in a detached process: creates a simulated
 * cluster, writes its kubeconfig and a {@code ready} file to the cluster's directory, then holds it
 * until it is signalled ({@code destroy local}), when it stops the control plane and removes its
 * files.
 */
@Command(
    name = HoldClusterCommand.NAME,
    hidden = true,
    description =
        "Creates a simulated local cluster and holds it until this process is signalled (used by"
            + " bootstrap local).")
public final class HoldClusterCommand implements Callable<Integer> {
  static final String NAME = "__hold-cluster";

  private final CliContext context;

  @Option(names = "--name", required = true)
  String name;

  @Option(names = "--masters", defaultValue = "1")
  int masters;

  @Option(names = "--minions", defaultValue = "3")
  int minions;

  @Option(names = "--kubernetes-version")
  String kubernetesVersion;

  @Option(names = "--node-cpu")
  String nodeCpu;

  @Option(names = "--node-memory")
  String nodeMemory;

  public HoldClusterCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() throws InterruptedException {
    var state = ClusterStates.named(context.environment(), name);
    state.writeHolder(ProcessHandle.current());
    RunningCluster cluster;
    try {
      var target = Providers.local();
      target = nodeCpu == null ? target : target.nodeCpu(nodeCpu);
      target = nodeMemory == null ? target : target.nodeMemory(nodeMemory);
      var definition = Cluster.on(target).named(name).masters(masters).minions(minions);
      definition =
          kubernetesVersion == null ? definition : definition.kubernetesVersion(kubernetesVersion);
      cluster = definition.create();
    } catch (RuntimeException e) {
      state.writeFailed(e.getMessage());
      context.console().error(e.getMessage());
      return ExitCodes.FAILED;
    }
    var stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  cluster.close();
                  stopped.countDown();
                },
                "cncfdemo-holder-stop"));
    state.writeKubeconfig(cluster.kubeconfig());
    var ready = new LinkedHashMap<String, Object>();
    ready.put("name", name);
    ready.put("apiServer", cluster.apiServer());
    ready.put("nodes", cluster.client().nodes().list().getItems().size());
    ready.put("kubernetesVersion", cluster.client().getKubernetesVersion().getGitVersion());
    ready.put("pid", ProcessHandle.current().pid());
    state.writeReady(Json.write(ready));
    context
        .console()
        .line(
            "cluster "
                + name
                + " is ready at "
                + cluster.apiServer()
                + "; holding it until signalled");
    stopped.await();
    return ExitCodes.OK;
  }
}
