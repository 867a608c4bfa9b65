package io.cncfdemo.internal.deploy;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Explains why a workload is not ready from what its pods say: the scheduler's reason for an
 * unschedulable pod, the waiting reason of a container (ImagePullBackOff, CrashLoopBackOff,
 * CreateContainerConfigError), a failing readiness condition, and the last events of each pod.
 */
final class Diagnosis {
  static final int EVENTS_PER_POD = 3;
  static final int PODS_SHOWN = 3;

  private Diagnosis() {}

  static List<String> of(KubernetesClient client, HasMetadata object) {
    var selector = selector(object);
    if (selector == null || selector.isEmpty()) {
      return List.of();
    }
    var namespace = object.getMetadata().getNamespace();
    var pods = client.pods().inNamespace(namespace).withLabels(selector).list().getItems();
    if (pods.isEmpty()) {
      return List.of("no pod exists for it yet");
    }
    var events = client.v1().events().inNamespace(namespace).list().getItems();
    var lines = new ArrayList<String>();
    pods.stream()
        .filter(pod -> !isReady(pod))
        .limit(PODS_SHOWN)
        .forEach(pod -> lines.add(explain(pod, events)));
    return lines;
  }

  private static String explain(Pod pod, List<Event> events) {
    var out =
        new StringBuilder("pod ")
            .append(pod.getMetadata().getName())
            .append(": ")
            .append(pod.getStatus() == null ? "no status" : pod.getStatus().getPhase());
    var status = pod.getStatus();
    if (status != null && status.getConditions() != null) {
      status.getConditions().stream()
          .filter(c -> "False".equals(c.getStatus()) && c.getReason() != null)
          .forEach(
              c ->
                  out.append("; ")
                      .append(c.getType())
                      .append(" ")
                      .append(c.getReason())
                      .append(c.getMessage() == null ? "" : ": " + c.getMessage()));
    }
    if (status != null) {
      var containers = new ArrayList<io.fabric8.kubernetes.api.model.ContainerStatus>();
      if (status.getInitContainerStatuses() != null) {
        containers.addAll(status.getInitContainerStatuses());
      }
      if (status.getContainerStatuses() != null) {
        containers.addAll(status.getContainerStatuses());
      }
      containers.stream()
          .filter(
              c ->
                  c.getState() != null
                      && c.getState().getWaiting() != null
                      && c.getState().getWaiting().getReason() != null)
          .forEach(
              c ->
                  out.append("; container ")
                      .append(c.getName())
                      .append(" ")
                      .append(c.getState().getWaiting().getReason())
                      .append(
                          c.getState().getWaiting().getMessage() == null
                              ? ""
                              : ": " + c.getState().getWaiting().getMessage()));
    }
    events.stream()
        .filter(
            e ->
                e.getInvolvedObject() != null
                    && pod.getMetadata().getName().equals(e.getInvolvedObject().getName())
                    && "Pod".equals(e.getInvolvedObject().getKind()))
        .sorted(Comparator.comparing(Diagnosis::time).reversed())
        .limit(EVENTS_PER_POD)
        .forEach(
            e -> out.append("; event ").append(e.getReason()).append(": ").append(e.getMessage()));
    return out.toString();
  }

  private static String time(Event event) {
    return Objects.requireNonNullElse(
        event.getLastTimestamp(),
        Objects.requireNonNullElse(
            event.getEventTime() == null ? null : event.getEventTime().getTime(), ""));
  }

  private static boolean isReady(Pod pod) {
    return pod.getStatus() != null
        && pod.getStatus().getConditions() != null
        && pod.getStatus().getConditions().stream()
            .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
  }

  private static Map<String, String> selector(HasMetadata object) {
    if (object instanceof Deployment deployment && deployment.getSpec().getSelector() != null) {
      return deployment.getSpec().getSelector().getMatchLabels();
    }
    if (object instanceof StatefulSet statefulSet && statefulSet.getSpec().getSelector() != null) {
      return statefulSet.getSpec().getSelector().getMatchLabels();
    }
    if (object instanceof DaemonSet daemonSet && daemonSet.getSpec().getSelector() != null) {
      return daemonSet.getSpec().getSelector().getMatchLabels();
    }
    if (object instanceof Job job) {
      return Map.of("batch.kubernetes.io/job-name", job.getMetadata().getName());
    }
    return null;
  }
}
