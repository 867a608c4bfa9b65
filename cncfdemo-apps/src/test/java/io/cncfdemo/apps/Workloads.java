package io.cncfdemo.apps;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.batch.v1.CronJob;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The pod templates and containers of a demo's workloads, for tests that check all of them. */
public final class Workloads {
  private Workloads() {}

  /** One container of one workload. */
  public record ContainerOf(
      HasMetadata workload, PodTemplateSpec template, Container container, boolean init) {
    public boolean inJob() {
      return workload instanceof Job || workload instanceof CronJob;
    }

    /** {@code Deployment/countly-api container api}, for messages. */
    @Override
    public String toString() {
      return workload.getKind()
          + "/"
          + workload.getMetadata().getName()
          + (init ? " init container " : " container ")
          + container.getName();
    }
  }

  /** The pod template of a workload, or empty for other objects. */
  public static Optional<PodTemplateSpec> template(HasMetadata object) {
    if (object instanceof Deployment deployment) {
      return Optional.of(deployment.getSpec().getTemplate());
    }
    if (object instanceof StatefulSet statefulSet) {
      return Optional.of(statefulSet.getSpec().getTemplate());
    }
    if (object instanceof DaemonSet daemonSet) {
      return Optional.of(daemonSet.getSpec().getTemplate());
    }
    if (object instanceof Job job) {
      return Optional.of(job.getSpec().getTemplate());
    }
    if (object instanceof CronJob cronJob) {
      return Optional.of(cronJob.getSpec().getJobTemplate().getSpec().getTemplate());
    }
    return Optional.empty();
  }

  public static List<HasMetadata> workloads(List<HasMetadata> objects) {
    return objects.stream().filter(object -> template(object).isPresent()).toList();
  }

  /** Every container, init containers included, of every workload. */
  public static List<ContainerOf> containers(List<HasMetadata> objects) {
    var all = new ArrayList<ContainerOf>();
    for (var workload : workloads(objects)) {
      var template = template(workload).orElseThrow();
      var spec = template.getSpec();
      spec.getInitContainers()
          .forEach(container -> all.add(new ContainerOf(workload, template, container, true)));
      spec.getContainers()
          .forEach(container -> all.add(new ContainerOf(workload, template, container, false)));
    }
    return all;
  }
}
