package io.cncfdemo.aws;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/**
 * A cluster on AWS whose API answers and whose nodes are Ready. Closing it closes the client only: the cloud
 * resources stay until {@code Cluster...destroy()}.
 */
final class AwsRunningCluster implements RunningCluster {
  private final ClusterSpec spec;
  private final KubernetesClient client;
  private final Path kubeconfig;

  AwsRunningCluster(ClusterSpec spec, KubernetesClient client, Path kubeconfig) {
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
    return "AwsRunningCluster[" + spec.name() + ", " + spec.nodes() + " nodes at " + apiServer() + "]";
  }
}
