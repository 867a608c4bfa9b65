package io.cncfdemo.cli.cluster;

import io.cncfdemo.Cluster;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ClusterStates;
import java.util.Map;

/**
 * Bootstraps a cluster whose provider keeps it running by itself (a cloud): creates it in this
 * process, records its provider and kubeconfig, and lets go of the client.
 */
final class RemoteBootstrap {
  private final CliContext context;
  private final Cluster cluster;

  RemoteBootstrap(CliContext context, Cluster cluster) {
    this.context = context;
    this.cluster = cluster;
  }

  Map<String, Object> run() {
    var spec = cluster.spec();
    var state = ClusterStates.named(context.environment(), spec.name());
    try (var running = cluster.create()) {
      state.writeProvider(spec.target().providerName());
      state.writeKubeconfig(running.kubeconfig());
      var client = running.client();
      return BootstrapCommand.result(
          spec.name(),
          spec.target().providerName(),
          running.apiServer(),
          client.nodes().list().getItems().size(),
          client.getKubernetesVersion().getGitVersion(),
          state.kubeconfig().toString());
    }
  }
}
