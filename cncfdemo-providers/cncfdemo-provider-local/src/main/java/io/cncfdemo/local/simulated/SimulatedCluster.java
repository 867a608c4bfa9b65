package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.SimulatedLoad;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A simulated cluster as a {@link RunningCluster}: closing it stops the control plane and removes
 * its files.
 */
public final class SimulatedCluster implements RunningCluster {
  private final ClusterProvider provider;
  private final ClusterSpec spec;
  private final SimulatedControlPlane controlPlane;
  private final LoadSimulator load;

  public SimulatedCluster(
      ClusterProvider provider, ClusterSpec spec, SimulatedControlPlane controlPlane) {
    this.provider = provider;
    this.spec = spec;
    this.controlPlane = controlPlane;
    this.load = new LoadSimulator(controlPlane.client());
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

  /**
   * With the resource metrics API on ({@code local().metrics(true)}, the default), load spread over
   * pods' CPU.
   */
  @Override
  public Optional<SimulatedLoad> simulatedLoad() {
    return ((LocalTarget) spec.target()).metrics() ? Optional.of(load) : Optional.empty();
  }

  @Override
  public void close() {
    load.close();
    controlPlane.close();
  }

  @Override
  public String toString() {
    return "SimulatedCluster["
        + spec.name()
        + ", "
        + spec.nodes()
        + " nodes at "
        + apiServer()
        + "]";
  }
}
