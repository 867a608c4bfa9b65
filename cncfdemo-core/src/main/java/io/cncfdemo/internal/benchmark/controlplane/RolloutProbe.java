package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.benchmark.Rollout;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Times a Deployment of pause pods from create to every replica available, then the rollout of a
 * changed pod template until every replica is updated and available and no old one is left.
 */
final class RolloutProbe {
  private static final String NAME = "rollout";
  private final KubernetesClient client;
  private final String namespace;
  private final String run;
  private final ControlPlaneLoad load;

  RolloutProbe(Scratch scratch) {
    this.client = scratch.client();
    this.namespace = scratch.namespace();
    this.run = scratch.run();
    this.load = scratch.load();
  }

  Rollout measure() {
    int replicas = load.rolloutReplicas();
    var labels = Map.of(PausePods.LABEL, run, PausePods.LABEL + "-role", NAME);
    var deployment =
        new DeploymentBuilder()
            .withNewMetadata()
            .withName(NAME)
            .withLabels(labels)
            .endMetadata()
            .withNewSpec()
            .withReplicas(replicas)
            .withNewSelector()
            .withMatchLabels(labels)
            .endSelector()
            .withNewStrategy()
            .withType("RollingUpdate")
            .withNewRollingUpdate()
            .withNewMaxSurge("25%")
            .withNewMaxUnavailable("25%")
            .endRollingUpdate()
            .endStrategy()
            .withNewTemplate()
            .withNewMetadata()
            .withLabels(labels)
            .endMetadata()
            .withSpec(PausePods.spec(load.image(), "1m", Map.of(), null))
            .endTemplate()
            .endSpec()
            .build();
    var resource = client.apps().deployments().inNamespace(namespace).withName(NAME);
    long start = System.nanoTime();
    var created = client.apps().deployments().inNamespace(namespace).resource(deployment).create();
    resource.waitUntilCondition(
        d -> rolledOut(d, created.getMetadata().getGeneration(), replicas),
        load.timeout().toMillis(),
        TimeUnit.MILLISECONDS);
    double available = (System.nanoTime() - start) / 1e9;
    long update = System.nanoTime();
    var edited =
        resource.edit(
            d ->
                new DeploymentBuilder(d)
                    .editSpec()
                    .editTemplate()
                    .editMetadata()
                    .addToAnnotations("cncfdemo.io/rollout", "1")
                    .endMetadata()
                    .endTemplate()
                    .endSpec()
                    .build());
    resource.waitUntilCondition(
        d -> rolledOut(d, edited.getMetadata().getGeneration(), replicas),
        load.timeout().toMillis(),
        TimeUnit.MILLISECONDS);
    double updated = (System.nanoTime() - update) / 1e9;
    resource.delete();
    return new Rollout(replicas, available, updated);
  }

  private static boolean rolledOut(Deployment deployment, Long generation, int replicas) {
    if (deployment == null || deployment.getStatus() == null) {
      return false;
    }
    var status = deployment.getStatus();
    return status.getObservedGeneration() != null
        && status.getObservedGeneration() >= Objects.requireNonNullElse(generation, 1L)
        && Objects.equals(status.getUpdatedReplicas(), replicas)
        && Objects.equals(status.getAvailableReplicas(), replicas)
        && Objects.equals(status.getReplicas(), replicas);
  }
}
