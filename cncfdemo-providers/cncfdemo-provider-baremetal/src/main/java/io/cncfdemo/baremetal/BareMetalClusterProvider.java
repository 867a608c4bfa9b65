package io.cncfdemo.baremetal;

import io.cncfdemo.baremetal.internal.BareMetalPlan;
import io.cncfdemo.baremetal.internal.ClusterLayout;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The "baremetal" provider: {@code Cluster.on(bareMetal("10.0.0.11", "10.0.0.12", "10.0.0.13").sshUser("ops")
 * .sshKey(key)).create()} checks every host over SSH, then installs and starts etcd and the control plane on the
 * masters and containerd, runc, kubelet and kube-proxy on the minions, with pod networking between them, and
 * returns once every node is Ready. Found by {@link java.util.ServiceLoader}; build one with {@link #builder()} for
 * another kubeconfig directory or a progress listener, and pass it to {@code Cluster.using(provider)}.
 */
public final class BareMetalClusterProvider implements ClusterProvider {
  private final Path kubeconfigDirectory;
  private final Consumer<String> progress;

  /** The provider as {@link java.util.ServiceLoader} makes it. */
  public BareMetalClusterProvider() {
    this(builder());
  }

  private BareMetalClusterProvider(Builder builder) {
    this.kubeconfigDirectory = builder.kubeconfigDirectory;
    this.progress = builder.progress;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return BareMetalTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "Bare metal: your own servers over SSH (JSch); etcd, control plane, containerd, kubelet; air-gapped install";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    return BareMetalPlan.of(ClusterLayout.of(spec), kubeconfigFile(spec));
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    throw new UnsupportedOperationException("not yet");
  }

  @Override
  public void destroy(ClusterSpec spec) {
    throw new UnsupportedOperationException("not yet");
  }

  /** Where the admin kubeconfig of this cluster is written: {@code <directory>/<cluster>.kubeconfig}. */
  public Path kubeconfigFile(ClusterSpec spec) {
    return kubeconfigDirectory.resolve(spec.name() + ".kubeconfig");
  }

  /** Options of a {@link BareMetalClusterProvider}; every one has a default. */
  public static final class Builder {
    private Path kubeconfigDirectory = Path.of(System.getProperty("user.home"), ".cncfdemo", "baremetal");
    private Consumer<String> progress = message -> { };

    private Builder() {}

    /** Where admin kubeconfigs are written, as {@code <cluster>.kubeconfig}; default {@code ~/.cncfdemo/baremetal}. */
    public Builder kubeconfigDirectory(Path directory) {
      this.kubeconfigDirectory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    /** Receives a line for each step of {@code create()} and {@code destroy()}, per host. */
    public Builder progress(Consumer<String> listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public BareMetalClusterProvider build() {
      return new BareMetalClusterProvider(this);
    }
  }
}
