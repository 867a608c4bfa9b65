package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.benchmark.Preemption;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Durations;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/**
 * Fills the CPU left on one node with {@value #FILLERS} background pods of a low PriorityClass,
 * then creates a pod of a high PriorityClass that fits only if half of them go, and times it from
 * create to running; counts the background pods the scheduler preempted. The classes sit below the
 * demo's foreground and above nothing else: the background pods are the cheapest victims, and no
 * demo pod is at risk.
 */
final class PreemptionProbe {
  static final int FILLERS = 4;
  static final int LOW = -1000;
  static final int HIGH = 1000;

  /** Below this much free CPU on every node, preemption is not measured. */
  static final long MIN_FREE_MILLICORES = 200;

  /** How often the pods' times (which a watch records) are looked at. */
  private static final Duration POLL = Duration.ofMillis(20);

  private final KubernetesClient client;
  private final String namespace;
  private final String run;
  private final ControlPlaneLoad load;

  PreemptionProbe(Scratch scratch) {
    this.client = scratch.client();
    this.namespace = scratch.namespace();
    this.run = scratch.run();
    this.load = scratch.load();
  }

  /**
   * Empty, with the reason logged by the caller, when no node has {@value #MIN_FREE_MILLICORES}m
   * CPU free.
   */
  Optional<Preemption> measure() {
    var free = NodeCapacity.mostFree(client);
    if (free.isEmpty() || free.get().millicores() < MIN_FREE_MILLICORES) {
      return Optional.empty();
    }
    var low = "cncfdemo-bench-" + run + "-low";
    var high = "cncfdemo-bench-" + run + "-high";
    try {
      priorityClass(low, LOW, "Never");
      priorityClass(high, HIGH, "PreemptLowerPriority");
      var node = Map.of("kubernetes.io/hostname", free.get().hostname());
      long share = free.get().millicores() / FILLERS;
      var times = new PodTimes();
      try (var watch =
          client.pods().inNamespace(namespace).withLabel(PausePods.LABEL + "-role").watch(times)) {
        var fillers = new ArrayList<String>();
        for (int i = 0; i < FILLERS; i++) {
          var name = "background-" + i;
          fillers.add(name);
          client
              .pods()
              .inNamespace(namespace)
              .resource(
                  PausePods.pod(
                      name,
                      run,
                      "background",
                      PausePods.spec(load.image(), share + "m", node, low)))
              .create();
        }
        awaitRunning(times, fillers, "background pods on node " + free.get().node());
        var urgent = "foreground";
        client
            .pods()
            .inNamespace(namespace)
            .resource(
                PausePods.pod(
                    urgent,
                    run,
                    "foreground",
                    PausePods.spec(load.image(), (share * FILLERS / 2) + "m", node, high)))
            .create();
        awaitRunning(times, java.util.List.of(urgent), "the high-priority pod");
        var urgentTimes = times.of(urgent);
        int victims = (int) fillers.stream().filter(name -> times.of(name).deleted).count();
        return Optional.of(
            new Preemption((urgentTimes.running - urgentTimes.created) / 1e9, victims));
      }
    } finally {
      client.pods().inNamespace(namespace).withLabel(PausePods.LABEL + "-role").delete();
      client.scheduling().v1().priorityClasses().withName(low).delete();
      client.scheduling().v1().priorityClasses().withName(high).delete();
    }
  }

  private void priorityClass(String name, int value, String preemptionPolicy) {
    client
        .scheduling()
        .v1()
        .priorityClasses()
        .resource(
            new PriorityClassBuilder()
                .withNewMetadata()
                .withName(name)
                .addToLabels(PausePods.LABEL, run)
                .endMetadata()
                .withValue(value)
                .withPreemptionPolicy(preemptionPolicy)
                .withDescription("cncfdemo control-plane benchmark " + run + ", deleted after it")
                .build())
        .create();
  }

  private void awaitRunning(PodTimes times, java.util.List<String> names, String what) {
    try {
      Poll.with(Backoff.fixed(POLL).deadline(load.timeout()))
          .until(what, () -> times.running(names) >= names.size());
    } catch (WaitTimeoutException e) {
      throw new CncfDemoException(
          "control-plane benchmark: "
              + what
              + " did not run within "
              + Durations.format(load.timeout()),
          e);
    }
  }
}
