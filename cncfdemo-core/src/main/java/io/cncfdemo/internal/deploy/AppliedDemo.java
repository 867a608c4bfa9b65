package io.cncfdemo.internal.deploy;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.deploy.ObjectChange;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.support.Check;
import java.time.Duration;
import java.util.List;

/** The {@link DeployedDemo} that {@code Demo.deployTo} and {@code Demo.deployedOn} return. */
public final class AppliedDemo implements DeployedDemo {
  private final RunningCluster cluster;
  private final String demoName;
  private final CompiledDemo compiled;
  private final List<ObjectChange> changes;
  private final DeployOptions options;

  public AppliedDemo(
      RunningCluster cluster,
      String demoName,
      CompiledDemo compiled,
      List<ObjectChange> changes,
      DeployOptions options) {
    this.cluster = cluster;
    this.demoName = demoName;
    this.compiled = compiled;
    this.changes = List.copyOf(changes);
    this.options = options;
  }

  @Override
  public RunningCluster cluster() {
    return cluster;
  }

  @Override
  public CompiledDemo compiled() {
    return compiled;
  }

  @Override
  public List<ObjectChange> changes() {
    return changes;
  }

  @Override
  public List<ObjectChange> teardown() {
    PublicNames.of(cluster, demoName, compiled).unpublish();
    return new Teardown(cluster.client(), options).run(demoName, compiled);
  }

  @Override
  public List<WorkloadStatus> status() {
    return WorkloadStatuses.of(cluster.client(), compiled.objects());
  }

  @Override
  public List<WorkloadStatus> awaitReady(Duration timeout) {
    Check.positive("timeout", timeout);
    return WorkloadStatuses.awaitReady(cluster.client(), namespace(), compiled.objects(), timeout);
  }
}
