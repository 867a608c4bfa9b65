package io.cncfdemo.local;

import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.ConnectedCluster;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.local.simulated.AttachedSimulatedCluster;
import io.cncfdemo.local.simulated.SimulatedCluster;
import io.cncfdemo.local.simulated.SimulatedControlPlane;
import io.cncfdemo.local.simulated.SimulatedPlan;
import io.cncfdemo.support.KubernetesClients;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "local" provider. Plain {@code local()} starts a simulated cluster on this machine: a real
 * control plane whose nodes kwok simulates (see {@link SimulatedControlPlane}); closing the cluster
 * stops and removes it. {@code local().context("kind-kind")} or {@code local().kubeconfig(path)}
 * uses a cluster that already runs (kind, k3d, minikube, Docker Desktop); that one the library did
 * not create, so it never deletes it.
 */
public final class LocalClusterProvider implements ClusterProvider {
  private static final Logger LOG = LoggerFactory.getLogger(LocalClusterProvider.class);

  @Override
  public String name() {
    return LocalTarget.PROVIDER;
  }

  /** How long a simulated cluster may take to start before the attempt is given up. */
  public static final Duration STARTUP_TIMEOUT = Duration.ofMinutes(3);

  @Override
  public String description() {
    return "Local: a simulated cluster on this machine (real control plane, kwok nodes), or one of"
        + " your kubeconfig";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    var local = local(spec.target());
    if (!local.isExisting()) {
      return SimulatedPlan.of(checkSimulatable(spec), local);
    }
    var target = local(spec.target());
    var file = Kubeconfigs.fileOf(target);
    var config = Kubeconfigs.read(file);
    var context = Kubeconfigs.contextOf(target, file, config);
    var resource =
        PlannedResource.free(
            "existing cluster",
            context.getName(),
            "API server "
                + Kubeconfigs.serverOf(config, context)
                + ", from "
                + file
                + "; nothing is created");
    return new ProvisioningPlan(
        name(), target.describe(), spec.name(), List.of(resource), "your own machine: no charge");
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    if (!local(spec.target()).isExisting()) {
      checkSimulatable(spec);
      return new SimulatedCluster(this, spec, SimulatedControlPlane.start(spec, STARTUP_TIMEOUT));
    }
    var target = local(spec.target());
    var file = Kubeconfigs.fileOf(target);
    var context = Kubeconfigs.contextOf(target, file, Kubeconfigs.read(file));
    Config config;
    try {
      config = Config.fromKubeconfig(context.getName(), Files.readString(file), file.toString());
    } catch (IOException | RuntimeException e) {
      throw new CncfDemoException(
          "could not load context " + context.getName() + " of " + file + ": " + e.getMessage(), e);
    }
    try (var probe =
        KubernetesClients.create(new ConfigBuilder(config).withConnectionTimeout(5_000).build())) {
      var version = probe.getKubernetesVersion();
      LOG.info(
          "using context {} of {}: Kubernetes {} at {}",
          context.getName(),
          file,
          version.getGitVersion(),
          config.getMasterUrl());
    } catch (KubernetesClientException e) {
      throw new CncfDemoException(
          "the API server of context "
              + context.getName()
              + " ("
              + config.getMasterUrl()
              + ") does not answer: "
              + e.getMessage()
              + ". Is the cluster running?",
          e);
    }
    return AttachedSimulatedCluster.of(
        new ConnectedCluster(this, spec, KubernetesClients.create(config), file));
  }

  /**
   * A simulated cluster lives as long as its {@link RunningCluster} (or its JVM): here only the
   * leftovers of JVMs that died are removed. An existing cluster was not created by the library, so
   * it is left running.
   */
  @Override
  public void destroy(ClusterSpec spec) {
    var target = local(spec.target());
    if (target.isExisting()) {
      LOG.info(
          "{} is a cluster the library did not create; destroy leaves it running",
          target.describe());
    } else {
      SimulatedControlPlane.cleanStale();
    }
  }

  private static LocalTarget local(Target target) {
    if (!(target instanceof LocalTarget local)) {
      throw new InvalidInputException("target", target.describe(), "a local() target");
    }
    return local;
  }

  /**
   * The simulated control plane runs the Kubernetes version its binaries were built at, and no
   * other.
   */
  private static ClusterSpec checkSimulatable(ClusterSpec spec) {
    var built = SimulatedControlPlane.KUBERNETES_VERSION;
    var minor = built.substring(0, built.lastIndexOf('.'));
    var wanted = spec.kubernetesVersion();
    if (!wanted.equals(minor) && !wanted.equals(built)) {
      throw new InvalidInputException(
          "kubernetesVersion",
          wanted,
          minor
              + " or "
              + built
              + " for the simulated local cluster (the version its binaries are built at)");
    }
    return spec;
  }
}
