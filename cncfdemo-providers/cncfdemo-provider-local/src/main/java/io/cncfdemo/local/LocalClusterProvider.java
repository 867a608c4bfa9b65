package io.cncfdemo.local;

import io.cncfdemo.CncfDemoException;
import io.cncfdemo.InvalidInputException;
import io.cncfdemo.cluster.ClusterProvider;
import io.cncfdemo.cluster.ClusterSpec;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.cluster.PlannedResource;
import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.cluster.Target;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The "local" provider: {@code local().context("kind-kind")} or {@code local().kubeconfig(path)} uses a cluster that
 * already runs on this machine (kind, k3d, minikube, Docker Desktop). It creates nothing, so it destroys nothing.
 */
public final class LocalClusterProvider implements ClusterProvider {
  private static final Logger LOG = LoggerFactory.getLogger(LocalClusterProvider.class);

  @Override
  public String name() {
    return LocalTarget.PROVIDER;
  }

  @Override
  public String description() {
    return "Local: a cluster of your kubeconfig (kind, k3d, minikube, Docker Desktop)";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    var target = existing(spec.target());
    var file = Kubeconfigs.fileOf(target);
    var config = Kubeconfigs.read(file);
    var context = Kubeconfigs.contextOf(target, file, config);
    var resource = PlannedResource.free("existing cluster", context.getName(),
        "API server " + Kubeconfigs.serverOf(config, context) + ", from " + file + "; nothing is created");
    return new ProvisioningPlan(name(), target.describe(), spec.name(), List.of(resource), "your own machine: no charge");
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    var target = existing(spec.target());
    var file = Kubeconfigs.fileOf(target);
    var context = Kubeconfigs.contextOf(target, file, Kubeconfigs.read(file));
    Config config;
    try {
      config = Config.fromKubeconfig(context.getName(), Files.readString(file), file.toString());
    } catch (IOException | RuntimeException e) {
      throw new CncfDemoException("could not load context " + context.getName() + " of " + file + ": " + e.getMessage(), e);
    }
    var client = new KubernetesClientBuilder().withConfig(config).build();
    try {
      var version = client.getKubernetesVersion();
      LOG.info("using context {} of {}: Kubernetes {} at {}", context.getName(), file, version.getGitVersion(),
          config.getMasterUrl());
    } catch (KubernetesClientException e) {
      client.close();
      throw new CncfDemoException("the API server of context " + context.getName() + " (" + config.getMasterUrl()
          + ") does not answer: " + e.getMessage() + ". Is the cluster running?", e);
    }
    return new ExistingCluster(spec, client, file);
  }

  /** An existing cluster was not created by the library, so nothing is deleted; this only logs that. */
  @Override
  public void destroy(ClusterSpec spec) {
    var target = existing(spec.target());
    LOG.info("{} is a cluster the library did not create; destroy leaves it running", target.describe());
  }

  private static LocalTarget existing(Target target) {
    if (!(target instanceof LocalTarget local)) {
      throw new InvalidInputException("target", target.describe(), "a local() target");
    }
    if (!local.isExisting()) {
      throw new InvalidInputException("target", local.describe(),
          "local().context(name) or local().kubeconfig(path), naming a cluster that already runs");
    }
    return local;
  }
}
