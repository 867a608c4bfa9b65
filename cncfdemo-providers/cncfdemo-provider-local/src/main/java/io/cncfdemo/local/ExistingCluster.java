package io.cncfdemo.local;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** A cluster that was running before: closing it closes the client only and leaves the cluster alone. */
final class ExistingCluster implements RunningCluster {
  private final ClusterSpec spec;
  private final KubernetesClient client;
  private final Path kubeconfig;

  ExistingCluster(ClusterSpec spec, KubernetesClient client, Path kubeconfig) {
    this.spec = spec;
    this.client = client;
    this.kubeconfig = kubeconfig;
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  /** The user's own kubeconfig file, as it was found; the library does not rewrite it. */
  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "ExistingCluster[" + spec.target().describe() + " at " + apiServer() + "]";
  }
}
