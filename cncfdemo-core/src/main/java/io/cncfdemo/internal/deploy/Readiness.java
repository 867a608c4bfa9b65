package io.cncfdemo.internal.deploy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.batch.v1.JobCondition;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * When an object counts as ready: a Deployment available with every replica updated, a StatefulSet
 * or DaemonSet with every replica ready, a Job complete (a suspended one, such as a benchmark's
 * template, at once), a Service with a ready endpoint (when the demo runs pods it selects), a CRD
 * established, a Namespace active; anything else once applied. Pure rules over objects as read: the
 * deployer feeds them from informers.
 */
final class Readiness {
  private Readiness() {}

  /** The result of one look at an object. */
  sealed interface State permits Ready, Waiting, Failed {}

  record Ready() implements State {}

  /** Not ready yet, and why. */
  record Waiting(String reason) implements State {}

  /** Will never be ready: a failed Job. */
  record Failed(String reason) implements State {}

  static boolean needsWaiting(HasMetadata object, boolean serviceHasPods) {
    return object instanceof Deployment
        || object instanceof StatefulSet
        || object instanceof DaemonSet
        || object instanceof Job
        || object instanceof CustomResourceDefinition
        || object instanceof Namespace
        || (object instanceof Service && serviceHasPods);
  }

  /**
   * Looks at the current state of {@code current}, as read from the API server ({@code null}:
   * absent); a Service's endpoints are those {@code endpointSlices} gives for it.
   */
  static State of(HasMetadata current, Function<Service, List<EndpointSlice>> endpointSlices) {
    if (current == null) {
      return new Waiting("not found");
    }
    if (current instanceof Deployment deployment) {
      return deployment(deployment);
    }
    if (current instanceof StatefulSet statefulSet) {
      return statefulSet(statefulSet);
    }
    if (current instanceof DaemonSet daemonSet) {
      var status = daemonSet.getStatus();
      int desired = status == null ? 1 : orZero(status.getDesiredNumberScheduled());
      int ready = status == null ? 0 : orZero(status.getNumberReady());
      return ready >= desired && desired > 0
          ? new Ready()
          : new Waiting(ready + "/" + desired + " pods ready");
    }
    if (current instanceof Job job) {
      return job(job);
    }
    if (current instanceof Service service) {
      return service(endpointSlices.apply(service));
    }
    if (current instanceof CustomResourceDefinition crd) {
      var established =
          crd.getStatus() != null
              && crd.getStatus().getConditions() != null
              && crd.getStatus().getConditions().stream()
                  .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
      return established ? new Ready() : new Waiting("not established yet");
    }
    if (current instanceof Namespace namespace) {
      var phase = namespace.getStatus() == null ? null : namespace.getStatus().getPhase();
      return "Active".equals(phase) ? new Ready() : new Waiting("phase " + phase);
    }
    return new Ready();
  }

  private static State deployment(Deployment deployment) {
    int wanted = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
    var status = deployment.getStatus();
    if (status == null
        || !Objects.equals(
            status.getObservedGeneration(), deployment.getMetadata().getGeneration())) {
      return new Waiting("the controller has not seen the new spec yet");
    }
    int updated = orZero(status.getUpdatedReplicas());
    int available = orZero(status.getAvailableReplicas());
    if (updated < wanted) {
      return new Waiting(updated + "/" + wanted + " replicas updated");
    }
    if (available < wanted || orZero(status.getReplicas()) > wanted) {
      return new Waiting(
          available + "/" + wanted + " replicas available" + failure(status.getConditions()));
    }
    return new Ready();
  }

  private static State statefulSet(StatefulSet statefulSet) {
    int wanted = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
    var status = statefulSet.getStatus();
    if (status == null
        || !Objects.equals(
            status.getObservedGeneration(), statefulSet.getMetadata().getGeneration())) {
      return new Waiting("the controller has not seen the new spec yet");
    }
    int ready = orZero(status.getReadyReplicas());
    int updated = orZero(status.getUpdatedReplicas());
    if (ready < wanted) {
      return new Waiting(ready + "/" + wanted + " replicas ready");
    }
    if (updated < wanted
        && status.getUpdateRevision() != null
        && !status.getUpdateRevision().equals(status.getCurrentRevision())) {
      return new Waiting(updated + "/" + wanted + " replicas updated");
    }
    return new Ready();
  }

  private static State job(Job job) {
    if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
      return new Ready();
    }
    var conditions =
        job.getStatus() == null || job.getStatus().getConditions() == null
            ? List.<JobCondition>of()
            : job.getStatus().getConditions();
    for (var condition : conditions) {
      if ("Complete".equals(condition.getType()) && "True".equals(condition.getStatus())) {
        return new Ready();
      }
      if ("Failed".equals(condition.getType()) && "True".equals(condition.getStatus())) {
        return new Failed("Job failed: " + condition.getReason() + ": " + condition.getMessage());
      }
    }
    int succeeded = job.getStatus() == null ? 0 : orZero(job.getStatus().getSucceeded());
    int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 1);
    return new Waiting(succeeded + "/" + completions + " completions");
  }

  private static State service(List<EndpointSlice> slices) {
    boolean anyReady =
        slices.stream()
            .map(EndpointSlice::getEndpoints)
            .filter(Objects::nonNull)
            .flatMap(List::stream)
            .anyMatch(
                endpoint ->
                    endpoint.getConditions() == null
                        || !Boolean.FALSE.equals(endpoint.getConditions().getReady()));
    return anyReady ? new Ready() : new Waiting("no ready endpoint");
  }

  private static String failure(List<DeploymentCondition> conditions) {
    return Optional.ofNullable(conditions).orElse(List.of()).stream()
        .filter(c -> "False".equals(c.getStatus()) && c.getMessage() != null)
        .map(c -> "; " + c.getType() + ": " + c.getMessage())
        .findFirst()
        .orElse("");
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }
}
