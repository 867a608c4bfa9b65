package io.cncfdemo.cluster;

import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import org.immutables.value.Value;

/**
 * The validated description of a cluster: where it runs, its name, how many masters and minions,
 * which Kubernetes version. Built by {@code Cluster.on(...)}; every wither checks its value and
 * throws {@link io.cncfdemo.exception.InvalidInputException} naming the field, the value and what
 * is allowed.
 */
@CncfDemoValue
public abstract class ClusterSpec {
  public static final String DEFAULT_NAME = "cncfdemo";
  public static final int DEFAULT_MASTERS = 1;
  public static final int DEFAULT_MINIONS = 3;
  public static final String DEFAULT_KUBERNETES_VERSION = "1.35";

  /** The oldest Kubernetes minor the library accepts. */
  public static final int MIN_KUBERNETES_MINOR = 30;

  /** The newest Kubernetes minor the library accepts. */
  public static final int MAX_KUBERNETES_MINOR = 37;

  public static final int MAX_MASTERS = 7;
  public static final int MAX_MINIONS = 1000;

  ClusterSpec() {}

  /** A spec with defaults for everything but the target. */
  public static ClusterSpec on(Target target) {
    return ImmutableClusterSpec.builder()
        .target(Check.notNull("target", target, "a target such as local() or aws()"))
        .build();
  }

  /** Where the cluster runs. */
  public abstract Target target();

  /** The cluster name: an RFC 1123 label, used in tags, DNS names and kubeconfig contexts. */
  @Value.Default
  public String name() {
    return DEFAULT_NAME;
  }

  /** Control-plane nodes. */
  @Value.Default
  public int masters() {
    return DEFAULT_MASTERS;
  }

  /** Worker nodes. */
  @Value.Default
  public int minions() {
    return DEFAULT_MINIONS;
  }

  /** The Kubernetes version as {@code 1.N} or {@code 1.N.P}, without a leading {@code v}. */
  @Value.Default
  public String kubernetesVersion() {
    return DEFAULT_KUBERNETES_VERSION;
  }

  /** All nodes: masters and minions. */
  public final int nodes() {
    return masters() + minions();
  }

  public ClusterSpec target(Target target) {
    return ImmutableClusterSpec.copyOf(this)
        .copyWithTarget(Check.notNull("target", target, "a target such as local() or aws()"));
  }

  public ClusterSpec name(String name) {
    return ImmutableClusterSpec.copyOf(this).copyWithName(Check.dnsLabel("name", name));
  }

  public ClusterSpec masters(int masters) {
    return ImmutableClusterSpec.copyOf(this).copyWithMasters(masters);
  }

  public ClusterSpec minions(int minions) {
    return ImmutableClusterSpec.copyOf(this).copyWithMinions(minions);
  }

  public ClusterSpec kubernetesVersion(String version) {
    return ImmutableClusterSpec.copyOf(this)
        .copyWithKubernetesVersion(
            Check.kubernetesVersion(
                "kubernetesVersion", version, MIN_KUBERNETES_MINOR, MAX_KUBERNETES_MINOR));
  }

  @Value.Check
  protected void check() {
    Check.dnsLabel("name", name());
    Check.between("masters", masters(), 1, MAX_MASTERS);
    Check.between("minions", minions(), 1, MAX_MINIONS);
    Check.kubernetesVersion(
        "kubernetesVersion", kubernetesVersion(), MIN_KUBERNETES_MINOR, MAX_KUBERNETES_MINOR);
  }
}
