package io.cncfdemo.internal.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class WorkloadStatusesTest {
  static KubernetesClient client;

  @Test
  void of_readsTheWorkloadsOnly_andCountsAMissingOneAsNotReady() {
    client.resource(deployment("read", "web")).create();
    List<HasMetadata> objects =
        List.of(
            deployment("read", "web"),
            deployment("read", "gone"),
            new ConfigMapBuilder()
                .withNewMetadata()
                .withName("c")
                .withNamespace("read")
                .endMetadata()
                .build());

    assertThat(WorkloadStatuses.of(client, objects))
        .containsExactly(
            new WorkloadStatus("Deployment", "web", 2, 0),
            new WorkloadStatus("Deployment", "gone", 1, 0));
  }

  @Test
  void awaitReady_returnsOnceEveryWorkloadIsReady_seeingItThroughTheInformer() {
    var created = client.resource(deployment("ready", "web")).create();
    try (var informers = new Informers(client)) {
      assertThat(informers.current(created)).isNotNull();
      InformersTest.awaitWatching(informers);
      var updating =
          CompletableFuture.runAsync(
              () ->
                  client
                      .resource(
                          new DeploymentBuilder(created)
                              .withNewStatus()
                              .withAvailableReplicas(2)
                              .endStatus()
                              .build())
                      .updateStatus());

      var status =
          WorkloadStatuses.awaitReady(
              informers, "ready", List.of(deployment("ready", "web")), Duration.ofMinutes(1));

      assertThat(status).containsExactly(new WorkloadStatus("Deployment", "web", 2, 2));
      updating.join();
    }
  }

  @Test
  void awaitReady_failsAfterTheTimeout_namingTheWorkloadsThatAreNot() {
    client.resource(deployment("slow", "web")).create();

    assertThatThrownBy(
            () ->
                WorkloadStatuses.awaitReady(
                    client, "slow", List.of(deployment("slow", "web")), Duration.ofMillis(300)))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage("after 300ms these workloads of slow are not ready: [Deployment web 0/2]");
  }

  private static Deployment deployment(String namespace, String name) {
    return new DeploymentBuilder()
        .withNewMetadata()
        .withName(name)
        .withNamespace(namespace)
        .endMetadata()
        .withNewSpec()
        .withReplicas(2)
        .endSpec()
        .build();
  }
}
