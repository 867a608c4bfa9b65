package io.cncfdemo.bootstrap;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ConnectedCluster;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.PrivateFiles;
import io.fabric8.kubernetes.client.Config;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * The last part of a cloud provider's {@code create()}: the admin kubeconfig the first master made
 * is written readable by its owner only ({@link PrivateFiles}), a client is made from it (fabric8's
 * request retry off, see {@link KubernetesClients}), and {@link ClusterReadiness} waits for the API
 * and every node. The kubeconfig's text is never logged.
 */
public final class AdminAccess {
  private AdminAccess() {}

  public static RunningCluster connect(
      ClusterProvider provider,
      ClusterSpec spec,
      Path file,
      String kubeconfig,
      Duration readyTimeout,
      Duration poll,
      Consumer<String> progress) {
    var written = PrivateFiles.write(file, kubeconfig);
    progress.accept("admin kubeconfig written to " + written + " (mode 0600)");
    var client = KubernetesClients.create(load(written, kubeconfig));
    try {
      ClusterReadiness.await(client, spec.nodes(), readyTimeout, poll, progress);
    } catch (RuntimeException e) {
      client.close();
      throw e;
    }
    return new ConnectedCluster(provider, spec, client, written);
  }

  private static Config load(Path file, String text) {
    try {
      return Config.fromKubeconfig(null, text, file.toString());
    } catch (RuntimeException e) {
      throw new CncfDemoException(
          "the kubeconfig the master published is not readable: " + e.getMessage(), e);
    }
  }
}
