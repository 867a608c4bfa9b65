package io.cncfdemo.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A {@link RunningCluster} this JVM only talks to — an existing cluster of a kubeconfig, or a cloud cluster that lives
 * on after the JVM: {@link #close()} closes the client and leaves the cluster running. For providers.
 */
public final class ConnectedCluster implements RunningCluster {
  private final ClusterSpec spec;
  private final KubernetesClient client;
  private final Path kubeconfig;

  public ConnectedCluster(ClusterSpec spec, KubernetesClient client, Path kubeconfig) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.client = Objects.requireNonNull(client, "client");
    this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** Closes the client; the cluster keeps running. */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "ConnectedCluster[" + spec.target().describe() + ", " + spec.name() + " at " + apiServer() + "]";
  }
}
