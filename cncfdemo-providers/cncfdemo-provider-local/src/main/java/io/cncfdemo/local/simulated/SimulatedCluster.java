package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;

/** A simulated cluster as a {@link RunningCluster}: closing it stops the control plane and removes its files. */
public final class SimulatedCluster implements RunningCluster {
  private final ClusterProvider provider;
  private final ClusterSpec spec;
  private final SimulatedControlPlane controlPlane;

  public SimulatedCluster(ClusterProvider provider, ClusterSpec spec, SimulatedControlPlane controlPlane) {
    this.provider = provider;
    this.spec = spec;
    this.controlPlane = controlPlane;
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  @Override
  public ProvisioningPlan plan() {
    return provider.plan(spec);
  }

  @Override
  public KubernetesClient client() {
    return controlPlane.client();
  }

  @Override
  public Path kubeconfig() {
    return controlPlane.kubeconfig();
  }

  /** The control plane, for tests that stop and start its API server or look at its processes. */
  public SimulatedControlPlane controlPlane() {
    return controlPlane;
  }

  @Override
  public void close() {
    controlPlane.close();
  }

  @Override
  public String toString() {
    return "SimulatedCluster[" + spec.name() + ", " + spec.nodes() + " nodes at " + apiServer() + "]";
  }
}
