package io.cncfdemo.internal.benchmark.controlplane;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodSpecBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/**
 * The pods of the control-plane benchmark: the pause container, hardened so that Pod Security
 * {@code restricted} admits it, tiny requests unless told otherwise, no grace period.
 */
final class PausePods {
  static final String LABEL = "cncfdemo.io/benchmark";

  private PausePods() {}

  static PodSpec spec(
      String image, String cpu, Map<String, String> nodeSelector, String priorityClass) {
    return new PodSpecBuilder()
        .withTerminationGracePeriodSeconds(0L)
        .withAutomountServiceAccountToken(false)
        .withNodeSelector(nodeSelector.isEmpty() ? null : nodeSelector)
        .withPriorityClassName(priorityClass)
        .withNewSecurityContext()
        .withRunAsNonRoot(true)
        .withRunAsUser(65535L)
        .withRunAsGroup(65535L)
        .withNewSeccompProfile()
        .withType("RuntimeDefault")
        .endSeccompProfile()
        .endSecurityContext()
        .addNewContainer()
        .withName("pause")
        .withImage(image)
        .withNewSecurityContext()
        .withAllowPrivilegeEscalation(false)
        .withReadOnlyRootFilesystem(true)
        .withNewCapabilities()
        .addToDrop("ALL")
        .endCapabilities()
        .endSecurityContext()
        .withNewResources()
        .addToRequests("cpu", new Quantity(cpu))
        .addToRequests("memory", new Quantity("4Mi"))
        .addToLimits("memory", new Quantity("16Mi"))
        .endResources()
        .endContainer()
        .build();
  }

  static Pod pod(String name, String run, String role, PodSpec spec) {
    return new PodBuilder()
        .withNewMetadata()
        .withName(name)
        .addToLabels(LABEL, run)
        .addToLabels(LABEL + "-role", role)
        .endMetadata()
        .withSpec(spec)
        .build();
  }

  static boolean isScheduled(Pod pod) {
    return (pod.getSpec() != null && pod.getSpec().getNodeName() != null)
        || condition(pod, "PodScheduled");
  }

  static boolean isRunning(Pod pod) {
    return pod.getStatus() != null
        && "Running".equals(pod.getStatus().getPhase())
        && condition(pod, "Ready");
  }

  private static boolean condition(Pod pod, String type) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> type.equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
