package io.cncfdemo.internal.demo;

import io.cncfdemo.cluster.ClusterCapabilities;
import io.cncfdemo.component.Component;
import io.cncfdemo.deploy.Finding;
import io.cncfdemo.internal.cluster.Quantities;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The CPU and memory a demo's long-running pods request, split by tier: Deployments and
 * StatefulSets at their replica count (an autoscaler's minimum), DaemonSets once per schedulable
 * node. Pods at the background PriorityClass are preempted for foreground ones, so only the
 * foreground must fit the nodes' allocatable CPU and memory. One-shot Jobs are not counted: they
 * finish before the stage after theirs starts.
 */
final class Requests {
  /** How many components the fix of a too-small cluster names. */
  static final int NAMED = 2;

  private final Map<Component, long[]> foreground;
  private final long[] background;

  private Requests(Map<Component, long[]> foreground, long[] background) {
    this.foreground = foreground;
    this.background = background;
  }

  /**
   * The requests of these components' objects on a cluster of {@code daemonSetNodes} schedulable
   * nodes; pods of {@code backgroundClass} are background.
   */
  static Requests of(
      Map<Component, List<HasMetadata>> objects, String backgroundClass, int daemonSetNodes) {
    var foreground = new LinkedHashMap<Component, long[]>();
    var background = new long[2];
    objects.forEach(
        (component, list) -> {
          var sum = new long[2];
          for (var object : list) {
            pods(object, daemonSetNodes)
                .ifPresent(
                    pods -> {
                      var spec = pods.template().getSpec();
                      var into =
                          backgroundClass.equals(spec.getPriorityClassName()) ? background : sum;
                      into[0] += pods.count() * request(spec, "cpu", Quantities::millicores);
                      into[1] += pods.count() * request(spec, "memory", Quantities::bytes);
                    });
          }
          foreground.put(component, sum);
        });
    return new Requests(foreground, background);
  }

  /** The foreground pods' CPU in millicores. */
  long foregroundCpuMillis() {
    return foreground.values().stream().mapToLong(r -> r[0]).sum();
  }

  long foregroundMemoryBytes() {
    return foreground.values().stream().mapToLong(r -> r[1]).sum();
  }

  /** The background pods' CPU in millicores. */
  long backgroundCpuMillis() {
    return background[0];
  }

  /** A finding for CPU and one for memory when the foreground does not fit the cluster. */
  List<Finding> findings(ClusterCapabilities cluster) {
    var findings = new ArrayList<Finding>();
    if (foregroundCpuMillis() > cluster.allocatableCpuMillis()) {
      findings.add(
          finding(
              "CPU",
              Quantities.cpus(foregroundCpuMillis()),
              Quantities.cpus(cluster.allocatableCpuMillis()),
              0,
              Quantities::cpus));
    }
    if (foregroundMemoryBytes() > cluster.allocatableMemoryBytes()) {
      findings.add(
          finding(
              "memory",
              Quantities.gibibytes(foregroundMemoryBytes()),
              Quantities.gibibytes(cluster.allocatableMemoryBytes()),
              1,
              Quantities::gibibytes));
    }
    return findings;
  }

  private Finding finding(
      String resource, String requested, String offered, int index, LongFunction<String> format) {
    var biggest =
        foreground.entrySet().stream()
            .filter(entry -> entry.getValue()[index] > 0)
            .sorted(
                Comparator.comparingLong((Map.Entry<Component, long[]> e) -> e.getValue()[index])
                    .reversed())
            .limit(NAMED)
            .map(e -> e.getKey().describe() + " " + format.apply(e.getValue()[index]))
            .collect(Collectors.joining(", "));
    return new Finding(
        Optional.empty(),
        "the demo requests "
            + requested
            + " "
            + resource
            + " in the foreground, the nodes offer "
            + offered,
        "add minions or lower the replicas or requests of its biggest: " + biggest);
  }

  private record Pods(PodTemplateSpec template, int count) {}

  private static Optional<Pods> pods(HasMetadata object, int daemonSetNodes) {
    if (object instanceof Deployment deployment && deployment.getSpec() != null) {
      return Optional.of(
          new Pods(
              deployment.getSpec().getTemplate(), replicas(deployment.getSpec().getReplicas())));
    }
    if (object instanceof StatefulSet set && set.getSpec() != null) {
      return Optional.of(
          new Pods(set.getSpec().getTemplate(), replicas(set.getSpec().getReplicas())));
    }
    if (object instanceof DaemonSet set && set.getSpec() != null) {
      return Optional.of(new Pods(set.getSpec().getTemplate(), daemonSetNodes));
    }
    return Optional.empty();
  }

  private static int replicas(Integer replicas) {
    return replicas == null ? 1 : replicas;
  }

  /**
   * A pod's effective request: the larger of its containers' sum and its largest init container.
   */
  private static long request(PodSpec spec, String resource, ToLongFunction<Quantity> amount) {
    long containers = sum(spec.getContainers(), resource, amount);
    long init =
        spec.getInitContainers() == null
            ? 0
            : spec.getInitContainers().stream()
                .mapToLong(c -> sum(List.of(c), resource, amount))
                .max()
                .orElse(0);
    return Math.max(containers, init);
  }

  private static long sum(
      List<Container> containers, String resource, ToLongFunction<Quantity> amount) {
    return containers == null
        ? 0
        : containers.stream()
            .filter(c -> c.getResources() != null && c.getResources().getRequests() != null)
            .mapToLong(c -> amount.applyAsLong(c.getResources().getRequests().get(resource)))
            .sum();
  }
}
