package io.cncfdemo.local.simulated;

import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ConnectedCluster;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.SimulatedLoad;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A simulated cluster that another process holds (e.g. {@code cncfdemo bootstrap local}), reached
 * through its kubeconfig: closing it leaves the cluster running, as for any existing cluster, and
 * it simulates load as the cluster's own {@link SimulatedCluster} does, through the pod annotation
 * its kwok reads.
 */
public final class AttachedSimulatedCluster implements RunningCluster {
  private final ConnectedCluster connected;
  private final LoadSimulator load;

  private AttachedSimulatedCluster(ConnectedCluster connected) {
    this.connected = connected;
    this.load = new LoadSimulator(connected.client());
  }

  /**
   * {@code connected} as a simulated cluster when it has kwok's nodes (annotated {@value
   * SimulatedNodes#KWOK_ANNOTATION}), else as it is.
   */
  public static RunningCluster of(ConnectedCluster connected) {
    try {
      var nodes = connected.client().nodes().list().getItems();
      boolean simulated =
          nodes.stream()
              .anyMatch(
                  node ->
                      node.getMetadata().getAnnotations() != null
                          && node.getMetadata()
                              .getAnnotations()
                              .containsKey(SimulatedNodes.KWOK_ANNOTATION));
      return simulated ? new AttachedSimulatedCluster(connected) : connected;
    } catch (KubernetesClientException e) {
      return connected;
    }
  }

  @Override
  public ClusterSpec spec() {
    return connected.spec();
  }

  @Override
  public ProvisioningPlan plan() {
    return connected.plan();
  }

  @Override
  public KubernetesClient client() {
    return connected.client();
  }

  @Override
  public Path kubeconfig() {
    return connected.kubeconfig();
  }

  @Override
  public Optional<SimulatedLoad> simulatedLoad() {
    return Optional.of(load);
  }

  /** Stops simulating load and closes the client; the cluster keeps running. */
  @Override
  public void close() {
    load.close();
    connected.close();
  }

  @Override
  public String toString() {
    return "AttachedSimulatedCluster[" + connected + "]";
  }
}
