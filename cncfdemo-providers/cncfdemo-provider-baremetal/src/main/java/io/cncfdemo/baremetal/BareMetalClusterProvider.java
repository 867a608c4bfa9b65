package io.cncfdemo.baremetal;

import io.cncfdemo.baremetal.internal.BareMetalPlan;
import io.cncfdemo.baremetal.internal.Binaries;
import io.cncfdemo.baremetal.internal.Bootstrap;
import io.cncfdemo.baremetal.internal.ClusterLayout;
import io.cncfdemo.baremetal.internal.Downloads;
import io.cncfdemo.baremetal.internal.Hosts;
import io.cncfdemo.baremetal.internal.NodeReadiness;
import io.cncfdemo.baremetal.internal.Preflight;
import io.cncfdemo.baremetal.internal.Teardown;
import io.cncfdemo.cluster.BareMetalTarget;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ConnectedCluster;
import io.cncfdemo.cluster.DeclaredCapability;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.PrivateFiles;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "baremetal" provider: {@code Cluster.on(bareMetal("10.0.0.11", "10.0.0.12",
 * "10.0.0.13").sshUser("ops") .sshKey(key)).create()} checks every host over SSH, then installs and
 * starts etcd and the control plane on the masters and containerd, runc, kubelet and kube-proxy on
 * the minions, with pod networking between them, and returns once every node is Ready. Found by
 * {@link java.util.ServiceLoader}; build one with {@link #builder()} for another kubeconfig
 * directory or a progress listener, and pass it to {@code Cluster.using(provider)}.
 */
public final class BareMetalClusterProvider implements ClusterProvider {
  private static final Logger LOG = LoggerFactory.getLogger(BareMetalClusterProvider.class);
  public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(5);

  private final Settings settings;
  private final Consumer<String> progress;
  private volatile List<Bootstrap.Change> lastChanges = List.of();
  private volatile Map<String, List<String>> lastTeardown = Map.of();

  /** The provider as {@link java.util.ServiceLoader} makes it. */
  public BareMetalClusterProvider() {
    this(builder());
  }

  private BareMetalClusterProvider(Builder builder) {
    this(builder.settings(), builder.progress);
  }

  private BareMetalClusterProvider(Settings settings, Consumer<String> progress) {
    this.settings = settings;
    this.progress = progress;
  }

  /**
   * The same provider, rebuilt from its settings, telling {@code listener} too each step of a
   * create or destroy.
   */
  @Override
  public ClusterProvider reportingTo(Consumer<String> listener) {
    Objects.requireNonNull(listener, "listener");
    return new BareMetalClusterProvider(settings, progress.andThen(listener));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Bare-metal clusters keep their data on the nodes' own disks and have no cloud load balancer:
   * where such a cluster has no default StorageClass, a demo adds {@code localPathStorage()}.
   */
  @Override
  public Set<DeclaredCapability> declares(ClusterSpec spec) {
    return Set.of(DeclaredCapability.NODE_DISK_STORAGE);
  }

  @Override
  public String name() {
    return BareMetalTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "Bare metal: your own servers over SSH (JSch); etcd, control plane, containerd, kubelet;"
        + " air-gapped install";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    return BareMetalPlan.of(ClusterLayout.of(spec), kubeconfigFile(spec));
  }

  /**
   * Checks every host (nothing changes unless all pass, see {@link PreflightException}), then
   * bootstraps them step by step; a step already done on a host is skipped, so a create that was
   * interrupted finishes on the next call and a second one changes nothing. Returns once every node
   * is Ready, with the admin kubeconfig written (mode 0600).
   */
  @Override
  public RunningCluster create(ClusterSpec spec) {
    var layout = ClusterLayout.of(spec);
    var binaries =
        layout.target().downloads()
            ? Optional.<Binaries>empty()
            : Optional.of(Binaries.locate(layout.target()).checkVersion(spec.kubernetesVersion()));
    if (layout.target().downloads()) {
      Downloads.kubernetesVersion(spec.kubernetesVersion());
    }
    try (var hosts = new Hosts(layout)) {
      tell("checking " + layout.nodes().size() + " host(s) of cluster " + spec.name());
      var findings = Preflight.run(hosts, binaries.map(Binaries::architecture));
      if (!findings.problems().isEmpty()) {
        throw new PreflightException(findings.problems(), findings.hostsChecked());
      }
      var facts = findings.facts();
      var bootstrap = new Bootstrap(hosts, binaries, facts, this::tell, settings.afterStep());
      bootstrap.run();
      lastChanges = bootstrap.changes();
      var file = PrivateFiles.write(kubeconfigFile(spec), bootstrap.adminKubeconfig());
      tell("admin kubeconfig written to " + file + " (mode 0600)");
      var client =
          new KubernetesClientBuilder()
              .withConfig(Config.fromKubeconfig(bootstrap.adminKubeconfig()))
              .build();
      try {
        var nodes = new LinkedHashMap<String, Map<String, String>>();
        for (var minion : layout.minions()) {
          var labels = new LinkedHashMap<>(minion.host().labels());
          labels.put("node-role.kubernetes.io/worker", "");
          nodes.put(bootstrap.nodeName(minion), labels);
        }
        NodeReadiness.await(client, nodes, settings.readyTimeout(), this::tell);
      } catch (RuntimeException e) {
        client.close();
        throw e;
      }
      return new ConnectedCluster(this, spec, client, file);
    }
  }

  /**
   * Stops and removes on every host what {@link #create} installed, and puts back what it changed
   * (never flushing firewall rules, so SSH stays reachable); harmless on hosts already clean. Each
   * host reports what it removed; hosts that cannot be reached are named in the error, after the
   * others are clean.
   */
  @Override
  public void destroy(ClusterSpec spec) {
    var layout = ClusterLayout.of(spec);
    try (var hosts = new Hosts(layout)) {
      tell("removing cluster " + spec.name() + " from " + layout.nodes().size() + " host(s)");
      lastTeardown = Teardown.run(hosts, this::tell);
    }
    try {
      Files.deleteIfExists(kubeconfigFile(spec));
    } catch (IOException e) {
      LOG.warn("could not delete {}: {}", kubeconfigFile(spec), e.getMessage());
    }
  }

  /** What the last {@link #create} of this provider object did, step by step and host by host. */
  public List<String> lastChanges() {
    return lastChanges.stream()
        .map(change -> change.step() + " on " + change.node().address() + ": " + change.what())
        .toList();
  }

  /**
   * What the last {@link #destroy} of this provider object removed, by host ({@code address
   * (role)}).
   */
  public Map<String, List<String>> lastTeardown() {
    return Map.copyOf(lastTeardown);
  }

  private void tell(String message) {
    LOG.info(message);
    progress.accept(message);
  }

  /**
   * Where the admin kubeconfig of this cluster is written: {@code
   * <directory>/<cluster>.kubeconfig}.
   */
  public Path kubeconfigFile(ClusterSpec spec) {
    return settings.kubeconfigDirectory().resolve(spec.name() + ".kubeconfig");
  }

  /** Options of a {@link BareMetalClusterProvider}; every one has a default. */
  public static final class Builder {
    private Path kubeconfigDirectory =
        Path.of(System.getProperty("user.home"), ".cncfdemo", "baremetal");
    private Consumer<String> progress = message -> {};
    private Duration readyTimeout = DEFAULT_READY_TIMEOUT;
    private Bootstrap.StepListener afterStep = step -> {};

    private Builder() {}

    /**
     * How long to wait, once the services run, for the API and every node to be Ready; default 5
     * minutes.
     */
    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = Check.positive("readyTimeout", timeout);
      return this;
    }

    /** Test seam: told after each bootstrap step, may throw to interrupt {@code create()} there. */
    Builder afterStep(Bootstrap.StepListener listener) {
      this.afterStep = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /**
     * Where admin kubeconfigs are written, as {@code <cluster>.kubeconfig}; default {@code
     * ~/.cncfdemo/baremetal}.
     */
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

    private Settings settings() {
      return new Settings(kubeconfigDirectory, readyTimeout, afterStep);
    }
  }

  /**
   * Every setting of a {@link Builder} but the progress listener, as {@link Builder#build} found
   * them: {@link #reportingTo} makes its provider from this snapshot, so it keeps every setting.
   */
  private record Settings(
      Path kubeconfigDirectory, Duration readyTimeout, Bootstrap.StepListener afterStep) {}
}
