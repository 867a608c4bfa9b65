package io.cncfdemo.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider for the core's tests: plans machines at test prices and records what it is asked to
 * do.
 */
public class FakeClusterProvider implements ClusterProvider {
  private final List<String> calls = new ArrayList<>();

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String description() {
    return "a provider for tests";
  }

  @Override
  public ProvisioningPlan plan(ClusterSpec spec) {
    var resources = new ArrayList<PlannedResource>();
    for (int i = 0; i < spec.masters(); i++) {
      resources.add(
          new PlannedResource(
              "machine", spec.name() + "-master-" + i, "test", new BigDecimal("0.10")));
    }
    for (int i = 0; i < spec.minions(); i++) {
      resources.add(
          new PlannedResource(
              "machine", spec.name() + "-minion-" + i, "test", new BigDecimal("0.10")));
    }
    return new ProvisioningPlan(
        name(), spec.target().describe(), spec.name(), resources, "test prices");
  }

  @Override
  public RunningCluster create(ClusterSpec spec) {
    calls.add("create " + spec.name());
    return new RunningCluster() {
      @Override
      public ClusterSpec spec() {
        return spec;
      }

      @Override
      public ProvisioningPlan plan() {
        return FakeClusterProvider.this.plan(spec);
      }

      @Override
      public KubernetesClient client() {
        throw new IllegalStateException("the fake provider has no API server");
      }

      @Override
      public Path kubeconfig() {
        throw new IllegalStateException("the fake provider has no kubeconfig");
      }

      @Override
      public void close() {
        calls.add("close " + spec.name());
      }
    };
  }

  @Override
  public void destroy(ClusterSpec spec) {
    calls.add("destroy " + spec.name());
  }

  public List<String> calls() {
    return calls;
  }

  /** A second provider of the same name, with a higher priority: wins the tie unless overridden. */
  public static class Preferred extends FakeClusterProvider {
    @Override
    public int priority() {
      return 10;
    }
  }
}
