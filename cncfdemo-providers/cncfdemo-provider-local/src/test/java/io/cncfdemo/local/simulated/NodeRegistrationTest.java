package io.cncfdemo.local.simulated;

import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Cluster;
import io.cncfdemo.cluster.LocalTarget;
import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class NodeRegistrationTest {
  static KubernetesClient mock;

  @Test
  void createAll_createsEveryNode_registeredReady_withTheKubeletPort() {
    var spec = Cluster.on(local()).minions(200).named("bulk").spec();
    var nodes = SimulatedNodes.registered(spec, (LocalTarget) spec.target(), 10250);

    NodeRegistration.createAll(mock, nodes);

    var created = mock.nodes().list().getItems();
    assertThat(created)
        .filteredOn(node -> node.getMetadata().getName().startsWith("bulk-"))
        .hasSize(201);
    assertThat(created)
        .extracting(node -> node.getMetadata().getName())
        .contains("bulk-master-0", "bulk-minion-0", "bulk-minion-199");
    assertThat(created).allMatch(NodeReadiness::isReady);
    assertThat(created)
        .allMatch(
            node -> node.getStatus().getDaemonEndpoints().getKubeletEndpoint().getPort() == 10250);
  }

  @Test
  void createAll_createsTheOthers_andNamesTheNodeTheApiServerRefused() {
    mock.nodes().resource(node("refused-taken")).create();

    assertThatThrownBy(
            () ->
                NodeRegistration.createAll(
                    mock, List.of(node("refused-1"), node("refused-taken"), node("refused-2"))))
        .isInstanceOf(CncfDemoException.class)
        .hasMessageStartingWith("could not create node refused-taken: ");
    assertThat(mock.nodes().list().getItems())
        .extracting(node -> node.getMetadata().getName())
        .contains("refused-taken", "refused-1", "refused-2");
  }

  @Test
  void createAll_ofNoNodes_createsNone() {
    int before = mock.nodes().list().getItems().size();

    NodeRegistration.createAll(mock, List.of());

    assertThat(mock.nodes().list().getItems()).hasSize(before);
  }

  private static Node node(String name) {
    return new NodeBuilder().withNewMetadata().withName(name).endMetadata().build();
  }
}
