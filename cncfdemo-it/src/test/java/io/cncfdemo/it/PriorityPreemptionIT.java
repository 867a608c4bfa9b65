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
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import io.cncfdemo.junit.LocalCluster;

/**
 * Background work fills idle capacity and gives way (the deploy does not wait for readiness: BOINC, asked for more
 * replicas than fit, is never fully ready, by design): with the nodes full of BOINC pods, scaling Countly up makes the
 * real scheduler preempt BOINC pods (low PriorityClass) to place Countly's (high PriorityClass).
 */
@LocalCluster(minions = 2, nodeCpu = "4", nodeMemory = "16Gi", name = "priority")
class PriorityPreemptionIT {

  @Test
  void scalingCountlyUp_preemptsBoinc(RunningCluster cluster) {
    var demo = Demo.with(countly(), mongoSharded(1),
            boinc().replicas(16).resources(Resources.requests("500m", "128Mi").limits("1", "256Mi")))
        .withoutMonitoring().deployTo(cluster, DeployOptions.defaults().withoutWaiting());
    var client = cluster.client();
    var namespace = demo.namespace();
    var boincSelector = Map.of("app.kubernetes.io/name", "boinc");

    Await.until(Duration.ofMinutes(2), "every workload but BOINC ready, and every BOINC pod placed or found unschedulable", () ->
        demo.status().stream().filter(w -> !w.name().contains("boinc")).allMatch(WorkloadStatus::isReady)
            && client.pods().inNamespace(namespace).withLabels(boincSelector).list().getItems().size() == 16
            && client.pods().inNamespace(namespace).withLabels(boincSelector).list().getItems().stream()
                .allMatch(pod -> "Running".equals(pod.getStatus().getPhase()) || isUnschedulable(pod)));
    var unschedulableBoinc = client.pods().inNamespace(namespace).withLabels(boincSelector).list().getItems().stream()
        .filter(PriorityPreemptionIT::isUnschedulable).toList();
    assertThat(unschedulableBoinc).as("the nodes are full: some BOINC pods cannot be placed").isNotEmpty();
    var runningBoincBefore = running(client.pods().inNamespace(namespace).withLabels(boincSelector).list().getItems());

    var api = demo.compiled().objects().stream().filter(Deployment.class::isInstance).map(Deployment.class::cast)
        .filter(d -> "countly".equals(d.getMetadata().getLabels().get("app.kubernetes.io/name"))
            && "api".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
        .findFirst().orElseThrow();
    client.apps().deployments().inNamespace(namespace).withName(api.getMetadata().getName()).scale(6);
    client.apps().deployments().inNamespace(namespace).withName(api.getMetadata().getName()).waitUntilCondition(
        d -> d.getStatus() != null && Integer.valueOf(6).equals(d.getStatus().getAvailableReplicas()), 90, TimeUnit.SECONDS);

    List<Event> preempted = client.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(event -> "Preempted".equals(event.getReason())).toList();
    assertThat(preempted).as("Preempted events").isNotEmpty()
        .allSatisfy(event -> assertThat(event.getInvolvedObject().getName()).contains("boinc"));
    var runningBoincAfter = running(client.pods().inNamespace(namespace).withLabels(boincSelector).list().getItems());
    assertThat(runningBoincAfter).as("BOINC pods running after Countly scaled up").isLessThan(runningBoincBefore);
    assertThat(client.pods().inNamespace(namespace).withLabels(api.getSpec().getSelector().getMatchLabels()).list().getItems())
        .filteredOn(pod -> "Running".equals(pod.getStatus().getPhase())).hasSize(6)
        .allSatisfy(pod -> assertThat(pod.getSpec().getPriorityClassName()).endsWith("-foreground"));
  }

  private static long running(List<Pod> pods) {
    return pods.stream().filter(pod -> "Running".equals(pod.getStatus().getPhase())).count();
  }

  private static boolean isUnschedulable(Pod pod) {
    return pod.getStatus() != null && pod.getStatus().getConditions() != null && pod.getStatus().getConditions().stream()
        .anyMatch(c -> "PodScheduled".equals(c.getType()) && "Unschedulable".equals(c.getReason()));
  }
}
