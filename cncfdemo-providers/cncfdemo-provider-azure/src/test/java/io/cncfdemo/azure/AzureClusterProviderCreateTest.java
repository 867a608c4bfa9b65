package io.cncfdemo.azure;

import static io.cncfdemo.Providers.azure;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.bootstrap.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole of {@code create()} with the part the fake cannot do played by the test: the "first
 * master" has a kubeconfig of fabric8's mock API server (a larger one than Run Command returns at
 * once, so it is read in chunks), whose four nodes are Ready; create() writes it with mode 0600,
 * waits for the API and the nodes, and returns a cluster whose client works. destroy() removes the
 * kubeconfig file too.
 */
@EnableKubernetesMockClient(crud = true)
class AzureClusterProviderCreateTest {
  static KubernetesClient mock;

  @TempDir Path kubeconfigs;

  /** Text gzip cannot shrink much, like the certificates of a real admin kubeconfig. */
  static String incompressible(int bytes) {
    var random = new byte[bytes];
    new java.util.Random(42).nextBytes(random);
    return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(random);
  }

  @Test
  void create_readsTheMastersKubeconfig_writesIt0600_andWaitsForEveryNode() throws Exception {
    MockApiServer.readyNodes(mock, "master-0", "minion-0", "minion-1", "minion-2");
    var kubeconfig = MockApiServer.kubeconfig(mock, "full", "not-a-secret-" + incompressible(6000));
    try (var azure = new FakeAzure()) {
      azure.nodes.kubeadmInitDone(kubeconfig);
      var progress = new ArrayList<String>();
      var cluster =
          Cluster.on(azure().location("westus2").apiAccessCidr("198.51.100.0/24"))
              .named("full")
              .minions(3)
              .using(azure.provider(kubeconfigs).progress(progress::add).build());

      try (var running = cluster.create()) {
        var file = kubeconfigs.resolve("full.westus2.kubeconfig");
        assertThat(running.kubeconfig()).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(kubeconfig);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        assertThat(running.client().nodes().list().getItems()).hasSize(4);
        assertThat(progress)
            .anyMatch(
                line ->
                    line.matches(
                        "the first master \\(full-masters_[0-9a-f]{8}\\) has the admin kubeconfig"))
            .anyMatch(line -> line.endsWith("4/4 nodes Ready"));
        assertThat(progress).noneMatch(line -> line.contains("not-a-secret"));
      }
      var reads =
          azure.arm.requests().stream().filter(r -> r.path().endsWith("/runCommand")).count();
      assertThat(reads).as("the kubeconfig is longer than one Run Command output").isGreaterThan(2);

      cluster.destroy();
      assertThat(kubeconfigs.resolve("full.westus2.kubeconfig")).doesNotExist();
      assertThat(ClusterInventory.of(azure.arm, "full", "westus2")).isEmpty();
    }
  }
}
