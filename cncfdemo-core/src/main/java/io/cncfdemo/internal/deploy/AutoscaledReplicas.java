package io.cncfdemo.internal.deploy;

import io.cncfdemo.deploy.ObjectRef;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The replica count of Deployments that a HorizontalPodAutoscaler of the same demo scales. Their
 * applied object leaves {@code spec.replicas} out, so that a redeploy never resets what the HPA
 * decided (the field belongs to the HPA, as the Kubernetes docs advise for server-side apply); when
 * the deployer creates such a Deployment it starts it at the HPA's {@code minReplicas} through the
 * scale subresource, which the field manager of the applies does not own.
 */
final class AutoscaledReplicas {
  private final Map<ObjectRef, Integer> minReplicas;

  private AutoscaledReplicas(Map<ObjectRef, Integer> minReplicas) {
    this.minReplicas = minReplicas;
  }

  /** The Deployments the demo's HPAs target, with each HPA's minimum (1 when it names none). */
  static AutoscaledReplicas of(List<HasMetadata> objects) {
    return new AutoscaledReplicas(
        objects.stream()
            .filter(HorizontalPodAutoscaler.class::isInstance)
            .map(HorizontalPodAutoscaler.class::cast)
            .filter(hpa -> "Deployment".equals(hpa.getSpec().getScaleTargetRef().getKind()))
            .collect(
                Collectors.toMap(
                    hpa ->
                        new ObjectRef(
                            "Deployment",
                            hpa.getMetadata().getNamespace(),
                            hpa.getSpec().getScaleTargetRef().getName()),
                    hpa -> Objects.requireNonNullElse(hpa.getSpec().getMinReplicas(), 1),
                    Math::max)));
  }

  /**
   * After {@code created} was created: scales it to its HPA's minimum when an HPA owns its replica
   * count.
   */
  void startAt(KubernetesClient client, HasMetadata created) {
    if (!(created instanceof Deployment deployment) || deployment.getSpec().getReplicas() != null) {
      return;
    }
    var min = minReplicas.get(ObjectRef.of(created));
    if (min != null) {
      client
          .apps()
          .deployments()
          .inNamespace(deployment.getMetadata().getNamespace())
          .withName(deployment.getMetadata().getName())
          .scale(min);
    }
  }
}
