package io.cncfdemo.cli.common;

import io.cncfdemo.Cluster;
import io.cncfdemo.Providers;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.RunningCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * Which cluster a command talks to, as kubectl chooses it: {@code --kubeconfig} and {@code
 * --context}; else the bootstrapped cluster of {@code --cluster NAME}, or the only one under {@code
 * ~/.cncfdemo/clusters/}; else {@code $KUBECONFIG} or {@code ~/.kube/config}.
 */
public final class ClusterOptions {
  @Option(names = "--kubeconfig", paramLabel = "FILE", description = "The kubeconfig file to use.")
  Path kubeconfig;

  @Option(names = "--context", paramLabel = "NAME", description = "The kubeconfig context to use.")
  String context;

  @Option(
      names = "--cluster",
      paramLabel = "NAME",
      description =
          "A cluster bootstrapped by cncfdemo (default: the only one under ~/.cncfdemo/clusters).")
  String cluster;

  /** The kubeconfig file the options choose. */
  public Path kubeconfigFile(CliEnvironment environment) {
    if (kubeconfig != null) {
      return kubeconfig;
    }
    if (cluster != null) {
      var state =
          ClusterStates.find(environment, cluster)
              .orElseThrow(
                  () ->
                      new UsageException(
                          "no cluster named "
                              + cluster
                              + " was bootstrapped ("
                              + ClusterStates.root(environment)
                              + ")"
                              + known(environment)));
      return usable(state);
    }
    if (context != null) {
      return environment.defaultKubeconfig();
    }
    var all = ClusterStates.all(environment);
    if (all.size() == 1) {
      return usable(all.get(0));
    }
    if (all.size() > 1) {
      throw new UsageException(
          "several clusters were bootstrapped"
              + known(environment)
              + "; choose one with --cluster NAME");
    }
    var fallback = environment.defaultKubeconfig();
    if (!Files.isRegularFile(fallback)) {
      throw new UsageException(
          "no cluster to talk to: none was bootstrapped (cncfdemo bootstrap local) and there is no "
              + fallback
              + "; give --kubeconfig FILE or --context NAME");
    }
    return fallback;
  }

  /**
   * The target the options choose: an existing cluster of a kubeconfig file, and a context of it.
   */
  public LocalTarget target(CliEnvironment environment) {
    var target = Providers.local().kubeconfig(kubeconfigFile(environment));
    return context == null ? target : target.context(context);
  }

  /**
   * Connects to the cluster the options choose; its minions are the nodes that are not
   * control-plane nodes.
   */
  public RunningCluster connect(CliEnvironment environment) {
    var target = target(environment);
    var cluster = Cluster.on(target).create();
    int minions = Nodes.workers(cluster.client());
    if (minions == cluster.spec().minions() || minions < 1) {
      return cluster;
    }
    cluster.close();
    return Cluster.on(target).minions(minions).create();
  }

  private static Path usable(ClusterState state) {
    if (!Files.isRegularFile(state.kubeconfig())) {
      var reason =
          state.failure().map(failure -> ": it failed to start: " + failure).orElse(" yet");
      throw new UsageException("cluster " + state.name() + " has no kubeconfig" + reason);
    }
    if (state.provider().equals(LocalTarget.PROVIDER) && state.holder().isEmpty()) {
      throw new io.cncfdemo.exception.CncfDemoException(
          "cluster "
              + state.name()
              + " is gone: the process that held it ended (see "
              + state.log()
              + "); remove it with: cncfdemo destroy local --name "
              + state.name());
    }
    return state.kubeconfig();
  }

  private static String known(CliEnvironment environment) {
    var names =
        ClusterStates.all(environment).stream()
            .map(ClusterState::name)
            .collect(Collectors.joining(", "));
    return names.isEmpty() ? "" : ": " + names;
  }
}
