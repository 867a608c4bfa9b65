package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.azure.fake.ArmFake;
import io.cncfdemo.azure.internal.AzureInfrastructure;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code reportingTo(listener)} returns a provider with every setting of the builder, telling the
 * listener besides the builder's: the ARM fake sees the builder's endpoint, HTTP client,
 * credential, subscription and SSH key at work, the step listener is told each step, the kubeconfig
 * directory is where destroy looks. The settings it cannot show follow from the one constructor
 * build() and reportingTo share.
 */
class AzureReportingToTest {
  @TempDir Path kubeconfigs;

  @Test
  void reportingTo_createsAndDestroys_withTheBuildersSettings_andTellsBothListeners()
      throws Exception {
    try (var azure = new FakeAzure()) {
      var builders = new ArrayList<String>();
      var listeners = new ArrayList<String>();
      var steps = new ArrayList<AzureInfrastructure.Step>();
      var provider =
          azure
              .provider(kubeconfigs)
              .progress(builders::add)
              .afterStep(steps::add)
              .build()
              .reportingTo(listeners::add);
      // the target names no subscription: only the builder's leads to the fake's
      var cluster =
          Cluster.on(azure().location("westeurope").apiAccessCidr("203.0.113.7/32"))
              .named("kept")
              .using(provider);

      assertThatThrownBy(cluster::create)
          .isInstanceOf(CncfDemoException.class)
          .hasMessageContaining("the first master did not write /etc/cncfdemo/admin.conf");

      assertThat(steps).containsExactly(AzureInfrastructure.Step.values());
      assertThat(azure.arm.writes())
          .extracting(ArmFake.Request::path)
          .allMatch(path -> path.startsWith("/subscriptions/" + FakeAzure.SUBSCRIPTION + "/"));
      assertThat(azure.arm.writes())
          .extracting(ArmFake.Request::body)
          .anyMatch(body -> body.contains(FakeAzure.SSH_KEY));
      assertThat(listeners)
          .isEqualTo(builders)
          .contains(
              "creating cluster kept in westeurope (resource group cncfdemo-kept-westeurope)");

      var kubeconfig = Files.writeString(kubeconfigs.resolve("kept.westeurope.kubeconfig"), "");
      builders.clear();
      listeners.clear();
      cluster.destroy();
      assertThat(kubeconfig).doesNotExist();
      assertThat(ClusterInventory.of(azure.arm, "kept", "westeurope")).isEmpty();
      assertThat(listeners)
          .isEqualTo(builders)
          .last()
          .isEqualTo("cluster kept in westeurope deleted");
    }
  }
}
