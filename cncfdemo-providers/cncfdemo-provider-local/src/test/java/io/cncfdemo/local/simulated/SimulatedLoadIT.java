package io.cncfdemo.local.simulated;

import static io.cncfdemo.Providers.local;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Cluster;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The resource metrics API of the simulated cluster, and the real HPA controller acting on
 * simulated load.
 */
class SimulatedLoadIT {
  private static final Duration CPU_PER_REQUEST = Duration.ofMillis(4);

  @Test
  void offeredLoad_becomesPodCpuInTheMetricsApi_andTheHpaControllerScalesOnIt()
      throws InterruptedException {
    try (var cluster = Cluster.on(local()).minions(2).create()) {
      var client = cluster.client();
      var load = cluster.simulatedLoad().orElseThrow();
      deploy(client);

      // 100 requests/s × 4ms = 400m over 2 ready pods: 200m each, as metrics.k8s.io reports it.
      load.offer("default", "api", 100, CPU_PER_REQUEST);
      assertThat(
              eventually(
                  Duration.ofSeconds(60),
                  () -> cpuMillicores(client),
                  cpus ->
                      cpus.size() == 2 && cpus.stream().allMatch(cpu -> Math.abs(cpu - 200) <= 20)))
          .hasSize(2)
          .allSatisfy(cpu -> assertThat(cpu).isBetween(180L, 220L));
      assertThat(client.top().nodes().metrics().getItems()).isNotEmpty();

      // The HPA (target 50% of 100m) sees 200% and scales out by its own decision.
      client
          .autoscaling()
          .v2()
          .horizontalPodAutoscalers()
          .inNamespace("default")
          .resource(
              new HorizontalPodAutoscalerBuilder()
                  .withNewMetadata()
                  .withName("api")
                  .endMetadata()
                  .withNewSpec()
                  .withMinReplicas(2)
                  .withMaxReplicas(6)
                  .withNewScaleTargetRef()
                  .withApiVersion("apps/v1")
                  .withKind("Deployment")
                  .withName("api")
                  .endScaleTargetRef()
                  .addNewMetric()
                  .withType("Resource")
                  .withNewResource()
                  .withName("cpu")
                  .withNewTarget()
                  .withType("Utilization")
                  .withAverageUtilization(50)
                  .endTarget()
                  .endResource()
                  .endMetric()
                  .withNewBehavior()
                  .withNewScaleDown()
                  .withStabilizationWindowSeconds(0)
                  .endScaleDown()
                  .endBehavior()
                  .endSpec()
                  .build())
          .create();
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withName("api")
          .waitUntilCondition(d -> d.getSpec().getReplicas() >= 5, 90, TimeUnit.SECONDS);

      load.offer("default", "api", 0, CPU_PER_REQUEST);
      client
          .apps()
          .deployments()
          .inNamespace("default")
          .withName("api")
          .waitUntilCondition(d -> d.getSpec().getReplicas() == 2, 120, TimeUnit.SECONDS);
    }
  }

  private static void deploy(KubernetesClient client) {
    client
        .apps()
        .deployments()
        .inNamespace("default")
        .resource(
            new DeploymentBuilder()
                .withNewMetadata()
                .withName("api")
                .endMetadata()
                .withNewSpec()
                .withReplicas(2)
                .withNewSelector()
                .addToMatchLabels("app", "api")
                .endSelector()
                .withNewTemplate()
                .withNewMetadata()
                .addToLabels("app", "api")
                .endMetadata()
                .withNewSpec()
                .addNewContainer()
                .withName("api")
                .withImage("nginx:1.27")
                .withNewResources()
                .addToRequests("cpu", new Quantity("100m"))
                .endResources()
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
        .withName("api")
        .waitUntilCondition(
            d ->
                d.getStatus() != null
                    && Integer.valueOf(2).equals(d.getStatus().getReadyReplicas()),
            60,
            TimeUnit.SECONDS);
  }

  private static List<Long> cpuMillicores(KubernetesClient client) {
    try {
      return client.top().pods().inNamespace("default").metrics().getItems().stream()
          .filter(pod -> pod.getMetadata().getName().startsWith("api-"))
          .map(SimulatedLoadIT::cpu)
          .toList();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  private static long cpu(PodMetrics pod) {
    return pod.getContainers().stream()
        .mapToLong(
            container ->
                Quantity.getAmountInBytes(container.getUsage().get("cpu"))
                    .movePointRight(3)
                    .longValue())
        .sum();
  }

  /**
   * The first value that passes, or the last one seen after atMost (to switch to support.Poll once
   * it lands).
   */
  private static <T> T eventually(Duration atMost, Supplier<T> value, Predicate<T> passes)
      throws InterruptedException {
    var deadline = System.nanoTime() + atMost.toNanos();
    var seen = value.get();
    while (!passes.test(seen) && System.nanoTime() < deadline) {
      Thread.sleep(1000);
      seen = value.get();
    }
    return seen;
  }
}
