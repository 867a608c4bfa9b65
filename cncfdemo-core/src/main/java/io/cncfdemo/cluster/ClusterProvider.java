package io.cncfdemo.cluster;

import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The provider SPI: one implementation per deployment model (local, aws, azure, gcp, baremetal),
 * registered in {@code META-INF/services/io.cncfdemo.cluster.ClusterProvider} and found with {@link
 * java.util.ServiceLoader}. Implementations must be stateless between calls: {@link #destroy} in a
 * fresh JVM must find what {@link #create} made in another.
 */
public interface ClusterProvider {

  /**
   * The name users select it by, equal to {@link Target#providerName()}: {@code local}, {@code
   * aws}, ...
   */
  String name();

  /**
   * One line for listings, e.g. {@code "AWS: VPC, Auto Scaling groups and kubeadm, with the AWS SDK
   * v2"}.
   */
  String description();

  /**
   * When two providers on the class path share a name, the higher priority wins (and a warning is
   * logged).
   */
  default int priority() {
    return 0;
  }

  /**
   * What this provider's clusters offer that their API server cannot tell: load balancers from a
   * cloud controller manager, the nodes' disks as storage. Declare only what {@link #create} really
   * sets up; none by default.
   */
  default Set<DeclaredCapability> declares(ClusterSpec spec) {
    return Set.of();
  }

  /**
   * Every resource {@link #create} would make, with a cost estimate. No side effects: no call that
   * changes anything.
   */
  ProvisioningPlan plan(ClusterSpec spec);

  /**
   * Creates the cluster described by {@code spec}, or resumes a create that failed half-way, and
   * returns once its API answers. Validates the spec and the credentials before creating anything.
   */
  RunningCluster create(ClusterSpec spec);

  /**
   * The public DNS zone {@code spec}'s target names for the demo's Ingress hosts, opened (the
   * caller closes it); empty when it names none or the provider has no DNS service. Fails, naming
   * the zone, when it is not found.
   */
  default Optional<PublicZone> openPublicZone(ClusterSpec spec) {
    return Optional.empty();
  }

  /** Deletes everything {@link #create} made for {@code spec}; harmless when nothing is there. */
  void destroy(ClusterSpec spec);

  /**
   * The same provider, telling {@code listener} each step of {@link #create} and {@link #destroy}
   * as it begins ({@code creating the VPC 10.0.0.0/16}), besides whatever it was told to tell
   * before; a provider without steps to tell returns itself.
   */
  default ClusterProvider reportingTo(Consumer<String> listener) {
    return this;
  }
}
