package io.cncfdemo.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@link RunningCluster} this JVM only talks to — an existing cluster of a kubeconfig, or a cloud
 * cluster that lives on after the JVM: {@link #close()} closes the client and leaves the cluster
 * running. For providers.
 */
public final class ConnectedCluster implements RunningCluster {
  private final ClusterProvider provider;
  private final ClusterSpec spec;
  private final KubernetesClient client;
  private final Path kubeconfig;

  /**
   * The cluster of {@code spec} that {@code provider} created or found, reached with {@code
   * client}.
   */
  public ConnectedCluster(
      ClusterProvider provider, ClusterSpec spec, KubernetesClient client, Path kubeconfig) {
    this.provider = Objects.requireNonNull(provider, "provider");
    this.spec = Objects.requireNonNull(spec, "spec");
    this.client = Objects.requireNonNull(client, "client");
    this.kubeconfig = Objects.requireNonNull(kubeconfig, "kubeconfig");
  }

  @Override
  public ClusterSpec spec() {
    return spec;
  }

  /** The plan of the provider that created the cluster. */
  @Override
  public ProvisioningPlan plan() {
    return provider.plan(spec);
  }

  /** What the provider that created the cluster declares of it. */
  @Override
  public Set<DeclaredCapability> declared() {
    return provider.declares(spec);
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The zone the provider opens for the spec's target, if it names one. */
  @Override
  public Optional<PublicZone> openPublicZone() {
    return provider.openPublicZone(spec);
  }

  /** Closes the client; the cluster keeps running. */
  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "ConnectedCluster["
        + spec.target().describe()
        + ", "
        + spec.name()
        + " at "
        + apiServer()
        + "]";
  }
}
