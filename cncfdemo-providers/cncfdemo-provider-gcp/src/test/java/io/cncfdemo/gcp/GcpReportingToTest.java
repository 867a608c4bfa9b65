package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.gcp.fake.GcpFake;
import io.cncfdemo.gcp.internal.GcpInfrastructure;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportingTo(listener)} returns a provider with every setting of the builder, telling the
 * listener besides the builder's: the fake sees the builder's endpoints, project and credentials at
 * work, the step listener is told each step, the kubeconfig directory is where destroy looks. The
 * settings it cannot show follow from the one constructor build() and reportingTo share.
 */
class GcpReportingToTest {
  @TempDir Path kubeconfigs;

  @Test
  void reportingTo_createsAndDestroys_withTheBuildersSettings_andTellsBothListeners()
      throws Exception {
    try (var gcp = new FakeGcp()) {
      var builders = new ArrayList<String>();
      var listeners = new ArrayList<String>();
      var steps = new ArrayList<GcpInfrastructure.Step>();
      var provider =
          gcp.provider(kubeconfigs)
              .project(FakeGcp.PROJECT)
              .progress(builders::add)
              .afterStep(steps::add)
              .build()
              .reportingTo(listeners::add);
      // the target names no project: only the builder's leads to the fake's
      var cluster = Cluster.on(gcp().apiAccessCidr("203.0.113.7/32")).named("kept").using(provider);

      assertThatThrownBy(cluster::create)
          .isInstanceOf(CncfDemoException.class)
          .hasMessageContaining("no master published the admin kubeconfig");

      assertThat(steps).containsExactly(GcpInfrastructure.Step.values());
      assertThat(gcp.fake.requests())
          .extracting(GcpFake.Request::path)
          .anyMatch(path -> path.startsWith("/compute/v1/projects/cncfdemo-test/"))
          .anyMatch(path -> path.startsWith("/dns/v1/projects/cncfdemo-test/"))
          .anyMatch(path -> path.startsWith("/v1/projects/cncfdemo-test/serviceAccounts"));
      assertThat(gcp.fake.iam().accounts())
          .containsExactly("cncfdemo-kept-nodes@cncfdemo-test.iam.gserviceaccount.com");
      assertThat(listeners)
          .isEqualTo(builders)
          .contains("creating cluster kept in project cncfdemo-test, zone us-central1-a");

      var kubeconfig = Files.writeString(kubeconfigs.resolve("kept.cncfdemo-test.kubeconfig"), "");
      builders.clear();
      listeners.clear();
      cluster.destroy();
      assertThat(kubeconfig).doesNotExist();
      assertThat(gcp.inventory()).isEmpty();
      assertThat(listeners).isEqualTo(builders).last().isEqualTo("cluster kept deleted");
    }
  }
}
