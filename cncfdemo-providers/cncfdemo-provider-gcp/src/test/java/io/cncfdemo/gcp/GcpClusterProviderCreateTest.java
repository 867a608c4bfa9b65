package io.cncfdemo.gcp;

import static io.cncfdemo.Providers.gcp;
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
 * The whole of {@code create()} with the part the fake cannot do played by the test: the first
 * master's instance publishes, as a guest attribute, a kubeconfig of fabric8's mock API server,
 * whose four nodes are Ready; create() writes it with mode 0600, waits for the API and the nodes,
 * and returns a cluster whose client works. destroy() removes the kubeconfig file and every
 * resource.
 */
@EnableKubernetesMockClient(crud = true)
class GcpClusterProviderCreateTest {
  static KubernetesClient mock;

  @TempDir Path kubeconfigs;

  @Test
  void create_readsTheMastersKubeconfig_writesIt0600_andWaitsForEveryNode() throws Exception {
    MockApiServer.readyNodes(mock, "master-0", "minion-0", "minion-1", "minion-2");
    var kubeconfig = MockApiServer.kubeconfig(mock, "full", "not-a-secret-token");
    try (var gcp = new FakeGcp()) {
      gcp.fake
          .compute()
          .publishFromGroup("cncfdemo-full-masters", "cncfdemo/admin-kubeconfig", kubeconfig);
      var progress = new ArrayList<String>();
      var cluster =
          Cluster.on(gcp().project(FakeGcp.PROJECT).apiAccessCidr("198.51.100.0/24"))
              .named("full")
              .minions(3)
              .using(gcp.provider(kubeconfigs).progress(progress::add).build());

      try (var running = cluster.create()) {
        var file = kubeconfigs.resolve("full.cncfdemo-test.kubeconfig");
        assertThat(running.kubeconfig()).isEqualTo(file);
        assertThat(Files.readString(file)).isEqualTo(kubeconfig);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
            .isEqualTo("rw-------");
        assertThat(running.client().nodes().list().getItems()).hasSize(4);
        assertThat(progress)
            .anyMatch(
                line ->
                    line.matches(
                        "the first master \\(cncfdemo-full-masters-[0-9a-z]+\\) has"
                            + " the admin kubeconfig"))
            .anyMatch(line -> line.endsWith("4/4 nodes Ready"));
        assertThat(progress).noneMatch(line -> line.contains("not-a-secret"));
      }

      cluster.destroy();
      assertThat(kubeconfigs.resolve("full.cncfdemo-test.kubeconfig")).doesNotExist();
      assertThat(gcp.inventory()).isEmpty();
    }
  }
}
