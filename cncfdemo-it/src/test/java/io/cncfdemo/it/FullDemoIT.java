package io.cncfdemo.it;

import static io.cncfdemo.apps.Apps.boinc;
import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.Demo;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.deploy.DeployedDemo;
import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.junit.LocalCluster;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.IngressClass;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The full demo on the simulated local cluster: real API server, real controllers and scheduler,
 * kwok nodes.
 */
@LocalCluster(minions = 3, nodeCpu = "8", nodeMemory = "32Gi", name = "e2e")
class FullDemoIT {
  private static final Logger LOG = LoggerFactory.getLogger(FullDemoIT.class);
  private static DeployedDemo demo;
  private static List<WorkloadStatus> ready;

  @BeforeAll
  static void deploy(RunningCluster cluster) {
    demo = Demo.with(countly(), mongoSharded(3), boinc()).deployTo(cluster);
    ready = demo.awaitReady(Duration.ofMinutes(3));
  }

  @Test
  void preflightPasses_andOnlyTheIngressControllerWasAdded_forTheClusterServesTheMetricsApi(
      RunningCluster cluster) {
    var plan = Demo.with(countly(), mongoSharded(3), boinc()).plan(cluster);

    assertThat(plan.findings()).isEmpty();
    assertThat(plan.capabilities().metricsApi()).isTrue();
    assertThat(plan.addonNames()).containsExactly("ingressNginx()");
    assertThat(demo.compiled().find(IngressClass.class, "nginx")).isPresent();
    assertThat(demo.compiled().find(Deployment.class, "metrics-server")).isEmpty();
  }

  @Test
  void everyDeploymentIsAvailable_everyStatefulSetReady_everyInitJobComplete() {
    assertThat(ready).allMatch(WorkloadStatus::isReady);
    assertThat(ready).extracting(WorkloadStatus::kind).contains("Deployment", "StatefulSet", "Job");
    assertThat(ready)
        .filteredOn(w -> w.kind().equals("StatefulSet"))
        .hasSizeGreaterThanOrEqualTo(4);
    assertThat(ready).filteredOn(w -> w.kind().equals("Job")).hasSizeGreaterThanOrEqualTo(5);
    var client = demo.cluster().client();
    for (var object : demo.compiled().objects()) {
      assertThat(client.resource(object).get())
          .as("%s %s", object.getKind(), object.getMetadata().getName())
          .isNotNull();
    }
  }

  @Test
  void theHorizontalPodAutoscalerIsAccepted_andReconciledByTheController() {
    var client = demo.cluster().client();
    var hpas =
        client
            .autoscaling()
            .v2()
            .horizontalPodAutoscalers()
            .inNamespace(demo.namespace())
            .list()
            .getItems();
    assertThat(hpas).isNotEmpty();
    for (HorizontalPodAutoscaler hpa : hpas) {
      var reconciled =
          client
              .autoscaling()
              .v2()
              .horizontalPodAutoscalers()
              .inNamespace(demo.namespace())
              .withName(hpa.getMetadata().getName())
              .waitUntilCondition(
                  h ->
                      h.getStatus() != null
                          && h.getStatus().getConditions() != null
                          && h.getStatus().getConditions().stream()
                              .anyMatch(c -> c.getType().equals("AbleToScale")),
                  60,
                  TimeUnit.SECONDS);
      assertThat(reconciled.getStatus().getConditions())
          .anySatisfy(
              condition -> {
                assertThat(condition.getType()).isEqualTo("AbleToScale");
                assertThat(condition.getStatus()).isEqualTo("True");
              });
    }
  }

  @Test
  void theNamespaceEnforcesRestrictedPodSecurity_andEveryDemoPodWasAdmitted() {
    var client = demo.cluster().client();
    var namespace = client.namespaces().withName(demo.namespace()).get();
    assertThat(namespace.getMetadata().getLabels())
        .containsEntry("pod-security.kubernetes.io/enforce", "restricted");

    var failedCreates =
        client.v1().events().inNamespace(demo.namespace()).list().getItems().stream()
            .filter(event -> "FailedCreate".equals(event.getReason()))
            .map(event -> event.getMessage())
            .toList();
    assertThat(failedCreates).as("pods the API server refused to create").isEmpty();
    assertThat(client.pods().inNamespace(demo.namespace()).list().getItems())
        .isNotEmpty()
        .allSatisfy(
            pod ->
                assertThat(pod.getMetadata().getAnnotations())
                    .doesNotContainKey("pod-security.kubernetes.io/exempt"));

    Pod privileged =
        new PodBuilder()
            .withNewMetadata()
            .withName("privileged-probe")
            .endMetadata()
            .withNewSpec()
            .addNewContainer()
            .withName("root")
            .withImage("busybox:1.36")
            .withNewSecurityContext()
            .withPrivileged(true)
            .endSecurityContext()
            .endContainer()
            .endSpec()
            .build();
    assertThatThrownBy(
            () -> client.pods().inNamespace(demo.namespace()).resource(privileged).create())
        .isInstanceOf(KubernetesClientException.class)
        .hasMessageContaining("violates PodSecurity \"restricted:latest\"");
  }

  @Test
  void deletingACountlyApiPod_isFollowedByAReadyReplacement() {
    var client = demo.cluster().client();
    var api = countlyApi();
    var pods =
        client
            .pods()
            .inNamespace(demo.namespace())
            .withLabels(api.getSpec().getSelector().getMatchLabels())
            .list()
            .getItems();
    assertThat(pods).hasSizeGreaterThanOrEqualTo(2);
    var victim = pods.get(0).getMetadata().getName();

    client.pods().inNamespace(demo.namespace()).withName(victim).delete();
    var selector = api.getSpec().getSelector().getMatchLabels();
    var recovery =
        Await.until(
            Duration.ofSeconds(60),
            "a Ready replacement of " + victim,
            () -> {
              var current =
                  client
                      .pods()
                      .inNamespace(demo.namespace())
                      .withLabels(selector)
                      .list()
                      .getItems();
              var deployment =
                  client
                      .apps()
                      .deployments()
                      .inNamespace(demo.namespace())
                      .withName(api.getMetadata().getName())
                      .get();
              return current.stream().noneMatch(p -> p.getMetadata().getName().equals(victim))
                  && current.stream().filter(FullDemoIT::isReady).count()
                      == deployment.getSpec().getReplicas()
                  && deployment
                      .getSpec()
                      .getReplicas()
                      .equals(deployment.getStatus().getAvailableReplicas());
            });
    LOG.info(
        "chaos: Countly API pod {} deleted; replacement Ready after {} ms",
        victim,
        recovery.toMillis());
    assertThat(recovery).isLessThan(Duration.ofSeconds(60));
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Deployment countlyApi() {
    return demo.compiled().objects().stream()
        .filter(Deployment.class::isInstance)
        .map(Deployment.class::cast)
        .filter(
            d ->
                "countly".equals(d.getMetadata().getLabels().get("app.kubernetes.io/name"))
                    && "api".equals(d.getMetadata().getLabels().get("app.kubernetes.io/component")))
        .findFirst()
        .orElseThrow();
  }
}
