package io.cncfdemo.it;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;

import io.cncfdemo.Demo;
import io.cncfdemo.apps.common.Resources;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployOptions;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.junit.LocalCluster;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The story the demo exists to tell, on the simulated cluster with the real controllers: BOINC
 * fills the idle capacity at background priority; load offered to Countly's API becomes CPU in the
 * resource metrics API; the real HPA controller scales {@code countly-api} up (the test never
 * touches its replicas), and the real scheduler preempts BOINC pods to place the new ones; a
 * redeploy in the middle leaves the HPA's replica count alone; when the load ends, the HPA scales
 * back to its minimum and BOINC pods run again. (The deploy does not wait for readiness: BOINC,
 * asked for more replicas than fit, is never fully ready, by design.)
 */
@LocalCluster(minions = 2, nodeCpu = "4", nodeMemory = "16Gi", name = "autoscaling")
class AutoscalingIT {
  private static final String API = "countly-api";
  private static final Map<String, String> BOINC = Map.of("app.kubernetes.io/name", "boinc");
  private static final int MAX_REPLICAS = 6;

  /**
   * 250m requested per API pod, 70% target: 400 requests/s × 5ms = 2 CPUs asks for 12 pods, capped
   * at 6.
   */
  private static final double PEAK_REQUESTS_PER_SECOND = 400;

  private static final Duration CPU_PER_REQUEST = Duration.ofMillis(5);

  @Test
  void loadScalesCountlyUpByTheHpa_preemptingBoinc_aRedeployKeepsTheCount_andBoincReturnsAfterwards(
      RunningCluster cluster) {
    var demo =
        Demo.with(
                countly().maxReplicas(MAX_REPLICAS).scaleDownStabilization(Duration.ofSeconds(5)),
                mongoSharded(1),
                boinc()
                    .replicas(16)
                    .resources(Resources.requests("500m", "128Mi").limits("1", "256Mi")))
            .withoutMonitoring();
    var deployed = demo.deployTo(cluster, DeployOptions.defaults().withoutWaiting());
    var client = cluster.client();
    var namespace = deployed.namespace();
    var load = cluster.simulatedLoad().orElseThrow();

    Await.until(
        Duration.ofMinutes(2),
        "every workload but BOINC ready, and every BOINC pod placed or found unschedulable",
        () ->
            deployed.status().stream()
                    .filter(w -> !w.name().contains("boinc"))
                    .allMatch(WorkloadStatus::isReady)
                && boincPods(client, namespace).size() == 16
                && boincPods(client, namespace).stream()
                    .allMatch(pod -> isRunning(pod) || isUnschedulable(pod)));
    assertThat(api(client, namespace).getSpec().getReplicas())
        .as("the first deploy starts at the HPA's minimum")
        .isEqualTo(2);
    assertThat(boincPods(client, namespace))
        .as("the nodes are full: some BOINC pods cannot be placed")
        .anyMatch(AutoscalingIT::isUnschedulable);
    var runningBoincBefore = running(boincPods(client, namespace));

    load.offer(namespace, API, PEAK_REQUESTS_PER_SECOND, CPU_PER_REQUEST);
    Await.until(
        Duration.ofMinutes(3),
        "the HPA to scale " + API + " to " + MAX_REPLICAS + " available replicas",
        () -> available(api(client, namespace)) == MAX_REPLICAS);
    var hpa =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(namespace)
            .withName(API)
            .get();
    assertThat(hpa.getStatus().getDesiredReplicas()).isEqualTo(MAX_REPLICAS);
    assertThat(hpa.getStatus().getCurrentMetrics())
        .as("the HPA read CPU from the metrics API")
        .singleElement()
        .satisfies(
            metric ->
                assertThat(metric.getResource().getCurrent().getAverageUtilization())
                    .isGreaterThan(70));
    assertThat(scalingEvents(client, namespace))
        .as("the HPA's own SuccessfulRescale events")
        .isNotEmpty();

    List<Event> preempted =
        client.v1().events().inNamespace(namespace).list().getItems().stream()
            .filter(event -> "Preempted".equals(event.getReason()))
            .toList();
    assertThat(preempted)
        .as("Preempted events")
        .isNotEmpty()
        .allSatisfy(event -> assertThat(event.getInvolvedObject().getName()).contains("boinc"));
    assertThat(running(boincPods(client, namespace)))
        .as("BOINC pods running at the peak")
        .isLessThan(runningBoincBefore);

    var redeployed = demo.deployTo(cluster, DeployOptions.defaults().withoutWaiting());
    assertThat(redeployed.changes())
        .filteredOn(change -> change.change().isChange())
        .as("a redeploy changes nothing")
        .isEmpty();
    assertThat(api(client, namespace).getSpec().getReplicas())
        .as("the HPA's count survives a redeploy")
        .isEqualTo(MAX_REPLICAS);

    load.offer(namespace, API, 0, CPU_PER_REQUEST);
    Await.until(
        Duration.ofMinutes(3),
        "the HPA to scale " + API + " back to 2 and BOINC pods to run again",
        () ->
            api(client, namespace).getSpec().getReplicas() == 2
                && running(boincPods(client, namespace)) >= runningBoincBefore);
  }

  private static Deployment api(KubernetesClient client, String namespace) {
    return client.apps().deployments().inNamespace(namespace).withName(API).get();
  }

  private static int available(Deployment deployment) {
    return deployment.getStatus() == null || deployment.getStatus().getAvailableReplicas() == null
        ? 0
        : deployment.getStatus().getAvailableReplicas();
  }

  private static List<Event> scalingEvents(KubernetesClient client, String namespace) {
    return client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(
            event ->
                HorizontalPodAutoscaler.class
                        .getSimpleName()
                        .equals(event.getInvolvedObject().getKind())
                    && "SuccessfulRescale".equals(event.getReason()))
        .toList();
  }

  private static List<Pod> boincPods(KubernetesClient client, String namespace) {
    return client.pods().inNamespace(namespace).withLabels(BOINC).list().getItems();
  }

  private static long running(List<Pod> pods) {
    return pods.stream().filter(AutoscalingIT::isRunning).count();
  }

  private static boolean isRunning(Pod pod) {
    return pod.getMetadata().getDeletionTimestamp() == null
        && "Running".equals(pod.getStatus().getPhase());
  }

  private static boolean isUnschedulable(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(
                c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()));
  }
}
