package io.cncfdemo.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.local.simulated.SimulatedCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.RepeatedTest;

@LocalCluster(minions = 1, lifecycle = LocalCluster.Lifecycle.PER_METHOD)
class PerMethodLifecycleIT {
  private static final java.util.List<Path> directories = new java.util.ArrayList<>();

  @RepeatedTest(2)
  void eachTestGetsAFreshCluster(RunningCluster cluster) {
    var directory = ((SimulatedCluster) cluster).controlPlane().directory();
    assertThat(directories).doesNotContain(directory);
    directories.add(directory);
    assertThat(cluster.client().nodes().list().getItems()).hasSize(2);
  }

  @AfterAll
  static void everyClusterIsGone() {
    assertThat(directories).hasSize(2).noneMatch(Files::exists);
  }
}
