package io.cncfdemo;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.DeclaredCapability;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Set;

/** fabric8's mock API server as a {@link RunningCluster} of {@code local().context("mock")}. */
record MockCluster(KubernetesClient client, Set<DeclaredCapability> declared)
    implements RunningCluster {
  private static final ClusterSpec SPEC = ClusterSpec.on(Providers.local().context("mock"));

  /** The mock server's cluster, whose provider declares nothing. */
  static RunningCluster of(KubernetesClient client) {
    return new MockCluster(client, Set.of());
  }

  @Override
  public ClusterSpec spec() {
    return SPEC;
  }

  @Override
  public ProvisioningPlan plan() {
    throw new IllegalStateException("the mock server has no plan");
  }

  @Override
  public Path kubeconfig() {
    throw new IllegalStateException("the mock server has no kubeconfig file");
  }

  @Override
  public void close() {}
}
