package io.cncfdemo.aws;

import static io.cncfdemo.Providers.aws;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.cncfdemo.aws.internal.AwsClients;
import io.cncfdemo.bootstrap.MockApiServer;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;

/**
 * The whole of {@code create()} with the part moto cannot do played by the test: the "first master"
 * publishes a kubeconfig of fabric8's mock API server, whose four nodes are Ready; create() writes
 * it with mode 0600, waits for the API and the nodes, and returns a cluster whose client works.
 * destroy() removes the kubeconfig file too.
 */
@WithMoto
@EnableKubernetesMockClient(crud = true)
class AwsClusterProviderCreateTest {
  static KubernetesClient mock;

  @TempDir Path kubeconfigs;

  @Test
  void create_writesTheMastersKubeconfig_mode0600_andWaitsForEveryNode(MotoServer moto)
      throws Exception {
    MockApiServer.readyNodes(mock, "master-0", "minion-0", "minion-1", "minion-2");
    var kubeconfig = MockApiServer.kubeconfig(mock, "full", "not-a-secret");
    try (var aws =
        new AwsClients(
            Region.of(MotoServer.REGION), MotoServer.CREDENTIALS, Optional.of(moto.endpoint()))) {
      aws.ssm()
          .putParameter(
              r ->
                  r.name("/cncfdemo/full/admin-kubeconfig")
                      .value(kubeconfig)
                      .type(ParameterType.SECURE_STRING)
                      .tier(ParameterTier.ADVANCED));
    }
    var progress = new ArrayList<String>();
    var provider = moto.provider(kubeconfigs).progress(progress::add).build();
    var cluster =
        Cluster.on(aws().region(MotoServer.REGION).apiAccessCidr("198.51.100.0/24"))
            .named("full")
            .minions(3)
            .using(provider);

    try (var running = cluster.create()) {
      var file = kubeconfigs.resolve("full.us-west-2.kubeconfig");
      assertThat(running.kubeconfig()).isEqualTo(file);
      assertThat(Files.readString(file)).isEqualTo(kubeconfig);
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
      assertThat(running.apiServer()).isEqualTo(mock.getMasterUrl().toString());
      assertThat(running.client().nodes().list().getItems()).hasSize(4);
      assertThat(progress)
          .contains("the first master published the admin kubeconfig")
          .anyMatch(line -> line.endsWith("4/4 nodes Ready"));
    }

    cluster.destroy();
    assertThat(kubeconfigs.resolve("full.us-west-2.kubeconfig")).doesNotExist();
  }
}
