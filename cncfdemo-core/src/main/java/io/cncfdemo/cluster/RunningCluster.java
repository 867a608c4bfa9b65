package io.cncfdemo.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A cluster whose API answers, as returned by {@code Cluster...create()}. {@link #close()} releases
 * what this JVM holds: for the simulated local cluster that is the whole cluster; for a cloud
 * cluster it is the client only ({@code Cluster...destroy()} deletes the cloud resources).
 */
public interface RunningCluster extends AutoCloseable {

  /** The validated spec the cluster was created from. */
  ClusterSpec spec();

  /**
   * Every resource of this cluster and what it costs, as the provider that created it prices them
   * (see {@link ClusterProvider#plan}); a benchmark of the cluster is priced with it.
   */
  ProvisioningPlan plan();

  /** A client with admin rights, owned by this object: do not close it yourself. */
  KubernetesClient client();

  /**
   * A kubeconfig file for this cluster, readable only by its owner (mode 0600), for kubectl and
   * other tools.
   */
  Path kubeconfig();

  /** The API server URL, e.g. {@code https://127.0.0.1:6443/}. */
  default String apiServer() {
    return client().getConfiguration().getMasterUrl();
  }

  /**
   * The load this cluster simulates for its pods, when it can: the simulated local cluster can, a
   * cluster with real kubelets cannot (its pods use the CPU their containers really use).
   */
  default Optional<SimulatedLoad> simulatedLoad() {
    return Optional.empty();
  }

  /**
   * What the cluster's provider declares of it because the API server cannot tell (see {@link
   * ClusterProvider#declares(ClusterSpec)}); none by default.
   */
  default Set<DeclaredCapability> declared() {
    return Set.of();
  }

  /**
   * What the cluster offers, read from its API server now: StorageClasses, the metrics APIs,
   * IngressClasses, load balancers, Pod Security admission, each node's allocatable CPU and memory,
   * the Kubernetes version. Reads only; fails with a {@code CncfDemoException} when the API server
   * does not answer.
   */
  default ClusterCapabilities capabilities() {
    return CapabilityDiscovery.discover(client(), declared());
  }

  /**
   * The public DNS zone the demo's Ingress hosts are published in, when the cluster's target names
   * one ({@code aws().publicZone("example.org")}); each call opens a new handle, which the caller
   * closes.
   */
  default Optional<PublicZone> openPublicZone() {
    return Optional.empty();
  }

  @Override
  void close();
}
