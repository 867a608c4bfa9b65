package io.cncfdemo.local.simulated;

import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.batch.v1.JobBuilder;
import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SimulatedClusterIT {

  @Test
  void create_startsARealControlPlane_withReadyNodes_andCloseRemovesEverything() throws Exception {
    SimulatedControlPlane plane;
    try (var cluster = (SimulatedCluster) Cluster.on(local()).minions(3).create()) {
      plane = cluster.controlPlane();
      var client = cluster.client();

      assertThat(client.nodes().list().getItems()).hasSize(4);
      assertThat(client.getKubernetesVersion().getGitVersion())
          .isEqualTo("v" + SimulatedControlPlane.KUBERNETES_VERSION);
      assertThat(Files.getPosixFilePermissions(cluster.kubeconfig()))
          .isEqualTo(Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
      assertThat(plane.pids())
          .containsOnlyKeys(
              "etcd",
              "kube-apiserver",
              "kube-controller-manager",
              "kube-scheduler",
              "kwok",
              "metrics-server");

      client
          .apps()
          .deployments()
          .inNamespace("default")
          .resource(
              new DeploymentBuilder()
                  .withNewMetadata()
                  .withName("web")
                  .endMetadata()
                  .withNewSpec()
                  .withReplicas(3)
                  .withNewSelector()
                  .addToMatchLabels("app", "web")
                  .endSelector()
                  .withNewTemplate()
                  .withNewMetadata()
                  .addToLabels("app", "web")
                  .endMetadata()
                  .withNewSpec()
                  .addNewContainer()
                  .withName("web")
                  .withImage("nginx:1.27")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build())
          .create();
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withName("web")
          .waitUntilCondition(
              d ->
                  d.getStatus() != null
                      && Integer.valueOf(3).equals(d.getStatus().getAvailableReplicas()),
              60,
              TimeUnit.SECONDS);

      client
          .batch()
          .v1()
          .jobs()
          .inNamespace("default")
          .resource(
              new JobBuilder()
                  .withNewMetadata()
                  .withName("once")
                  .endMetadata()
                  .withNewSpec()
                  .withNewTemplate()
                  .withNewSpec()
                  .withRestartPolicy("Never")
                  .addNewContainer()
                  .withName("once")
                  .withImage("busybox:1.36")
                  .endContainer()
                  .endSpec()
                  .endTemplate()
                  .endSpec()
                  .build())
          .create();
      client
          .batch()
          .v1()
          .jobs()
          .inNamespace("default")
          .withName("once")
          .waitUntilCondition(
              j -> j.getStatus() != null && Integer.valueOf(1).equals(j.getStatus().getSucceeded()),
              60,
              TimeUnit.SECONDS);
    }
    assertThat(Files.exists(plane.directory())).isFalse();
    assertThat(plane.pids()).isEmpty();
  }
}
