package io.cncfdemo;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.component.Nameable;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.ProviderRegistry;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A Kubernetes cluster to be, as one sentence: {@code Cluster.on(aws()).minions(3).create()}. Every
 * method but {@link #plan()}, {@link #create()} and {@link #destroy()} returns a new, validated
 * value and touches nothing.
 */
public final class Cluster implements Nameable<Cluster> {
  private final ClusterSpec spec;
  private final @Nullable ClusterProvider provider;
  private final @Nullable Consumer<String> progress;

  private Cluster(ClusterSpec spec, @Nullable ClusterProvider provider) {
    this(spec, provider, null);
  }

  private Cluster(
      ClusterSpec spec, @Nullable ClusterProvider provider, @Nullable Consumer<String> progress) {
    this.spec = spec;
    this.provider = provider;
    this.progress = progress;
  }

  /**
   * A cluster on this target with the defaults: one master, three minions, named {@code cncfdemo}.
   */
  public static Cluster on(Target target) {
    return new Cluster(ClusterSpec.on(target), null);
  }

  /** The same cluster with this name (an RFC 1123 label). */
  @Override
  public Cluster named(String name) {
    return new Cluster(spec.name(name), provider, progress);
  }

  /**
   * The same cluster with this many control-plane nodes (1 to {@value ClusterSpec#MAX_MASTERS}).
   */
  public Cluster masters(int masters) {
    return new Cluster(spec.masters(masters), provider, progress);
  }

  /** The same cluster with this many worker nodes (1 to {@value ClusterSpec#MAX_MINIONS}). */
  public Cluster minions(int minions) {
    return new Cluster(spec.minions(minions), provider, progress);
  }

  /** The same cluster with this Kubernetes version, {@code 1.N} or {@code 1.N.P}. */
  public Cluster kubernetesVersion(String version) {
    return new Cluster(spec.kubernetesVersion(version), provider, progress);
  }

  /**
   * The same cluster, acted on by this provider instead of the one found on the class path; its
   * name must match the target's.
   */
  public Cluster using(ClusterProvider provider) {
    Objects.requireNonNull(provider, "provider");
    if (!provider.name().equals(spec.target().providerName())) {
      throw new InvalidInputException(
          "provider",
          provider.name(),
          "the provider of the target "
              + spec.target().describe()
              + ", named \""
              + spec.target().providerName()
              + "\"");
    }
    return new Cluster(spec, provider, progress);
  }

  /**
   * The same cluster, its provider telling {@code listener} each step of {@link #create()} and
   * {@link #destroy()} as it begins, e.g. to show them in a terminal or a {@code LiveView}: {@code
   * Cluster.on(aws()).reportingTo(events.clusterSteps("create", "demo")).create()}.
   */
  public Cluster reportingTo(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    return new Cluster(spec, provider, progress == null ? listener : progress.andThen(listener));
  }

  /** The validated spec. */
  public ClusterSpec spec() {
    return spec;
  }

  /** Every resource {@link #create()} would make and what it would cost; no side effects. */
  public ProvisioningPlan plan() {
    return provider().plan(spec);
  }

  /** Creates the cluster (or resumes a failed create) and returns once its API answers. */
  public RunningCluster create() {
    return provider().create(spec);
  }

  /**
   * Deletes everything {@link #create()} made for a cluster of this target and name; harmless
   * twice.
   */
  public void destroy() {
    provider().destroy(spec);
  }

  private ClusterProvider provider() {
    var chosen =
        Optional.ofNullable(provider)
            .orElseGet(() -> ProviderRegistry.require(spec.target().providerName()));
    return progress == null ? chosen : chosen.reportingTo(progress);
  }

  @Override
  public String toString() {
    var out = new StringBuilder("Cluster.on(").append(spec.target().describe()).append(')');
    if (!spec.name().equals(ClusterSpec.DEFAULT_NAME)) {
      out.append(".named(\"").append(spec.name()).append("\")");
    }
    out.append(".masters(")
        .append(spec.masters())
        .append(").minions(")
        .append(spec.minions())
        .append(')');
    out.append(".kubernetesVersion(\"").append(spec.kubernetesVersion()).append("\")");
    return out.toString();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Cluster that
        && spec.equals(that.spec)
        && Objects.equals(provider, that.provider)
        && Objects.equals(progress, that.progress);
  }

  @Override
  public int hashCode() {
    return spec.hashCode();
  }
}
