package io.cncfdemo.local.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.exception.InvalidInputException;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true)
class LoadSimulatorTest {
  static KubernetesClient mock;

  @Test
  void offeredLoad_isSpreadOverTheReadyPodsOnly_perContainer_andFollowsNewPods() {
    mock.apps()
        .deployments()
        .inNamespace("shop")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .withNamespace("shop")
                .endMetadata()
                .withNewSpec()
                .withNewSelector()
                .addToMatchLabels("app", "api")
                .endSelector()
                .endSpec()
                .build())
        .create();
    pod("api-1", true, 1);
    pod("api-2", true, 2);
    pod("api-3", false, 1);
    try (var load = new LoadSimulator(mock)) {
      // 100 requests/s × 4ms = 400m over two ready pods: 200m each, split over a pod's containers.
      load.offer("shop", "api", 100, Duration.ofMillis(4));
      assertThat(cpu("api-1")).isEqualTo("200m");
      assertThat(cpu("api-2")).isEqualTo("100m");
      assertThat(cpu("api-3")).as("not ready: no share").isNull();

      pod("api-4", true, 1);
      awaitCpu("api-4", "133m");
      assertThat(cpu("api-1")).isEqualTo("133m");

      load.offer("shop", "api", 0, Duration.ofMillis(4));
      assertThat(List.of(cpu("api-1"), cpu("api-2"), cpu("api-4"))).containsOnly("1m");
    }
  }

  @Test
  void anOffer_toAMissingDeployment_orWithBadNumbers_isRefused() {
    try (var load = new LoadSimulator(mock)) {
      assertThatThrownBy(() -> load.offer("shop", "nowhere", 10, Duration.ofMillis(1)))
          .isInstanceOf(CncfDemoException.class)
          .hasMessage(
              "cannot offer load to Deployment shop/nowhere: there is no such Deployment in the"
                  + " cluster; deploy it first");
      assertThatThrownBy(() -> load.offer("shop", "nowhere", -1, Duration.ofMillis(1)))
          .isInstanceOf(InvalidInputException.class)
          .hasMessage("requestsPerSecond must be a finite number of at least 0, was \"-1.0\"");
    }
  }

  private static void pod(String name, boolean ready, int containers) {
    var builder =
        new PodBuilder()
            .withNewMetadata()
            .withName(name)
            .withNamespace("shop")
            .addToLabels("app", "api")
            .endMetadata()
            .withNewSpec()
            .endSpec();
    for (int i = 0; i < containers; i++) {
      builder
          .editSpec()
          .addNewContainer()
          .withName("c" + i)
          .withImage("nginx:1.27")
          .endContainer()
          .endSpec();
    }
    builder
        .withNewStatus()
        .addNewCondition()
        .withType("Ready")
        .withStatus(ready ? "True" : "False")
        .endCondition()
        .endStatus();
    mock.pods().inNamespace("shop").resource(builder.build()).create();
  }

  private static String cpu(String pod) {
    var annotations =
        mock.pods().inNamespace("shop").withName(pod).get().getMetadata().getAnnotations();
    return annotations == null ? null : annotations.get(LoadSimulator.CPU_ANNOTATION);
  }

  private static void awaitCpu(String pod, String cpu) {
    mock.pods()
        .inNamespace("shop")
        .withName(pod)
        .waitUntilCondition(
            (Pod p) ->
                p.getMetadata().getAnnotations() != null
                    && cpu.equals(
                        p.getMetadata().getAnnotations().get(LoadSimulator.CPU_ANNOTATION)),
            10,
            TimeUnit.SECONDS);
  }
}
