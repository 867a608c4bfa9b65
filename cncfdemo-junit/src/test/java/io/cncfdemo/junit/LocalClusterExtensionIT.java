package io.cncfdemo.junit;

import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.cluster.RunningCluster;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@LocalCluster(minions = 2, name = "junit", nodeCpu = "2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalClusterExtensionIT {
  private static RunningCluster seen;

  @Test
  @Order(1)
  void injectsTheRunningCluster(RunningCluster cluster) {
    seen = cluster;
    assertThat(cluster.spec().name()).isEqualTo("junit");
    assertThat(cluster.client().nodes().list().getItems())
        .hasSize(3)
        .filteredOn(node -> node.getMetadata().getName().startsWith("junit-minion"))
        .allSatisfy(
            node ->
                assertThat(node.getStatus().getCapacity().get("cpu").toString()).isEqualTo("2"));
    cluster
        .client()
        .configMaps()
        .inNamespace("default")
        .resource(new ConfigMapBuilder().withNewMetadata().withName("kept").endMetadata().build())
        .create();
  }

  @Test
  @Order(2)
  void sharesOneClusterPerClass_andInjectsItsClient(
      KubernetesClient client, RunningCluster cluster) {
    assertThat(cluster).isSameAs(seen);
    assertThat(client).isSameAs(cluster.client());
    assertThat(client.configMaps().inNamespace("default").withName("kept").get()).isNotNull();
  }

  @AfterAll
  static void stillRunningUntilTheClassIsDone() {
    assertThat(seen.client().namespaces().withName("default").get()).isNotNull();
  }
}
