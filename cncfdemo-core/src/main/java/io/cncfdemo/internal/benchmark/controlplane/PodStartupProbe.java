package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.benchmark.PodStartup;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Durations;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

/**
 * Creates N pause pods, {@code parallelism} at a time, and times each from created to scheduled to
 * running.
 */
final class PodStartupProbe {
  private static final String ROLE = "startup";

  /** How often the pods' times (which a watch records) are counted. */
  private static final Duration POLL = Duration.ofMillis(50);

  private final KubernetesClient client;
  private final String namespace;
  private final String run;
  private final ControlPlaneLoad load;
  private Optional<Double> schedulingThroughput = Optional.empty();

  PodStartupProbe(Scratch scratch) {
    this.client = scratch.client();
    this.namespace = scratch.namespace();
    this.run = scratch.run();
    this.load = scratch.load();
  }

  PodStartup measure(DoubleConsumer fractionDone) {
    var times = new PodTimes();
    var names = new ArrayList<String>();
    for (int i = 0; i < load.pods(); i++) {
      names.add(String.format("startup-%05d", i));
    }
    var spec = PausePods.spec(load.image(), "1m", Map.of(), null);
    try (var watch =
        client
            .pods()
            .inNamespace(namespace)
            .withLabel(PausePods.LABEL + "-role", ROLE)
            .watch(times)) {
      create(
          names,
          name ->
              client
                  .pods()
                  .inNamespace(namespace)
                  .resource(PausePods.pod(name, run, ROLE, spec))
                  .create());
      try {
        Poll.with(Backoff.fixed(POLL).deadline(load.timeout()))
            .untilDone(
                "the benchmark's pods",
                () -> {
                  long running = times.running(names);
                  if (running >= names.size()) {
                    return Poll.done(true);
                  }
                  fractionDone.accept((double) running / names.size());
                  return Poll.notYet(running + " of " + names.size());
                });
      } catch (WaitTimeoutException e) {
        throw new CncfDemoException(
            "control-plane benchmark: "
                + e.reason()
                + " pods were running after "
                + Durations.format(load.timeout()),
            e);
      }
    }
    var toScheduled = new ArrayList<Double>();
    var toRunning = new ArrayList<Double>();
    var total = new ArrayList<Double>();
    long firstCreated = Long.MAX_VALUE;
    long lastScheduled = Long.MIN_VALUE;
    for (var name : names) {
      var t = times.of(name);
      long scheduled = t.scheduled == 0 ? t.running : t.scheduled;
      firstCreated = Math.min(firstCreated, t.created);
      lastScheduled = Math.max(lastScheduled, scheduled);
      toScheduled.add((scheduled - t.created) / 1e6);
      toRunning.add((t.running - scheduled) / 1e6);
      total.add((t.running - t.created) / 1e6);
    }
    if (lastScheduled > firstCreated) {
      schedulingThroughput = Optional.of(names.size() / ((lastScheduled - firstCreated) / 1e9));
    }
    client.pods().inNamespace(namespace).withLabel(PausePods.LABEL + "-role", ROLE).delete();
    return new PodStartup(
        names.size(),
        NearestRank.of(toScheduled),
        NearestRank.of(toRunning),
        NearestRank.of(total));
  }

  /**
   * After {@link #measure}: the pods divided by the time from the first one's creation to the last
   * one's scheduling, as ClusterLoader2's scheduling throughput; empty when it took no time.
   */
  Optional<Double> schedulingThroughput() {
    return schedulingThroughput;
  }

  private void create(List<String> names, java.util.function.Consumer<String> create) {
    var executor =
        Executors.newFixedThreadPool(
            load.parallelism(),
            task -> {
              var thread = new Thread(task, "cncfdemo-bench-create");
              thread.setDaemon(true);
              return thread;
            });
    try {
      var futures = new ArrayList<Future<?>>();
      names.forEach(name -> futures.add(executor.submit(() -> create.accept(name))));
      for (var future : futures) {
        future.get();
      }
    } catch (ExecutionException e) {
      throw new CncfDemoException(
          "control-plane benchmark: could not create a pod: " + e.getCause().getMessage(),
          e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while creating the benchmark's pods", e);
    } finally {
      executor.shutdownNow();
    }
  }
}
