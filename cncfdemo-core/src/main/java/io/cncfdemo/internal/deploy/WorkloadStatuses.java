package io.cncfdemo.internal.deploy;

import io.cncfdemo.deploy.WorkloadStatus;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Durations;
import io.cncfdemo.support.KubernetesClients;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Reads the current status of the workloads among a demo's objects from the API server, or waits
 * until they are ready.
 */
public final class WorkloadStatuses {
  private WorkloadStatuses() {}

  public static List<WorkloadStatus> of(KubernetesClient client, List<HasMetadata> objects) {
    return of(object -> client.resource(object).get(), objects);
  }

  /**
   * Waits until every workload among {@code objects} is ready (Jobs complete), seeing each change
   * through informers, and returns their status; after {@code timeout}, fails naming the workloads
   * that are not.
   */
  public static List<WorkloadStatus> awaitReady(
      KubernetesClient client, String namespace, List<HasMetadata> objects, Duration timeout) {
    try (var informers = new Informers(client)) {
      return awaitReady(informers, namespace, objects, timeout);
    }
  }

  static List<WorkloadStatus> awaitReady(
      Informers informers, String namespace, List<HasMetadata> objects, Duration timeout) {
    try {
      return Poll.with(Backoff.fixed(StagedDeployer.RECHECK).deadline(timeout))
          .wakeOn(informers.wakeup())
          .ignoring(KubernetesClients::isTransient)
          .untilDone(
              "the workloads of " + namespace,
              () -> {
                var status = of(informers::current, objects);
                var waiting = status.stream().filter(workload -> !workload.isReady()).toList();
                return waiting.isEmpty() ? Poll.done(status) : Poll.notYet(waiting.toString());
              });
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "after "
              + Durations.format(timeout)
              + " these workloads of "
              + namespace
              + " are not ready: "
              + e.reason(),
          e);
    }
  }

  private static List<WorkloadStatus> of(
      UnaryOperator<HasMetadata> read, List<HasMetadata> objects) {
    var statuses = new ArrayList<WorkloadStatus>();
    for (var object : objects) {
      var current =
          object instanceof Deployment
                  || object instanceof StatefulSet
                  || object instanceof DaemonSet
                  || object instanceof Job
              ? read.apply(object)
              : null;
      var status = current == null ? missing(object) : status(current);
      if (status != null) {
        statuses.add(status);
      }
    }
    return statuses;
  }

  private static WorkloadStatus missing(HasMetadata object) {
    if (object instanceof Deployment
        || object instanceof StatefulSet
        || object instanceof DaemonSet
        || object instanceof Job) {
      return new WorkloadStatus(object.getKind(), object.getMetadata().getName(), 1, 0);
    }
    return null;
  }

  private static WorkloadStatus status(HasMetadata object) {
    var name = object.getMetadata().getName();
    if (object instanceof Deployment deployment) {
      int desired = Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1);
      int available =
          deployment.getStatus() == null
              ? 0
              : Objects.requireNonNullElse(deployment.getStatus().getAvailableReplicas(), 0);
      return new WorkloadStatus("Deployment", name, desired, available);
    }
    if (object instanceof StatefulSet statefulSet) {
      int desired = Objects.requireNonNullElse(statefulSet.getSpec().getReplicas(), 1);
      int ready =
          statefulSet.getStatus() == null
              ? 0
              : Objects.requireNonNullElse(statefulSet.getStatus().getReadyReplicas(), 0);
      return new WorkloadStatus("StatefulSet", name, desired, ready);
    }
    if (object instanceof DaemonSet daemonSet) {
      var status = daemonSet.getStatus();
      int desired =
          status == null ? 1 : Objects.requireNonNullElse(status.getDesiredNumberScheduled(), 0);
      int ready = status == null ? 0 : Objects.requireNonNullElse(status.getNumberReady(), 0);
      return new WorkloadStatus("DaemonSet", name, desired, ready);
    }
    if (object instanceof Job job) {
      if (Boolean.TRUE.equals(job.getSpec().getSuspend())) {
        return new WorkloadStatus("Job", name, 0, 0);
      }
      int completions = Objects.requireNonNullElse(job.getSpec().getCompletions(), 1);
      int succeeded =
          job.getStatus() == null
              ? 0
              : Objects.requireNonNullElse(job.getStatus().getSucceeded(), 0);
      return new WorkloadStatus("Job", name, completions, succeeded);
    }
    return null;
  }
}
