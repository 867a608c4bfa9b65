package io.cncfdemo.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class ClusterReadinessTest {
  static KubernetesClient client;

  @Test
  void notEnoughReadyNodes_timesOut_sayingWhatItSaw() {
    node("ready", "True");
    node("booting", "False");
    var progress = new ArrayList<String>();

    assertThatThrownBy(
            () ->
                ClusterReadiness.await(
                    client, 2, Duration.ofMillis(300), Duration.ofMillis(50), progress::add))
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith("the cluster was not ready within 0 s: API answers (")
        .hasMessageContaining(
            "1/2 nodes Ready. Run create() again to go on waiting, or destroy() to remove"
                + " everything");
    assertThat(progress).singleElement().asString().endsWith("1/2 nodes Ready");

    node("booting", "True");
    ClusterReadiness.await(client, 2, Duration.ofSeconds(5), Duration.ofMillis(50), progress::add);
    assertThat(progress).last().asString().endsWith("2/2 nodes Ready");
  }

  private static void node(String name, String ready) {
    client
        .nodes()
        .resource(
            new NodeBuilder()
                .withNewMetadata()
                .withName(name)
                .endMetadata()
                .withNewStatus()
                .addNewCondition()
                .withType("Ready")
                .withStatus(ready)
                .endCondition()
                .endStatus()
                .build())
        .createOr(existing -> existing.update());
  }
}
