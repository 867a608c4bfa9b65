package io.cncfdemo.internal.benchmark.controlplane;

import io.cncfdemo.benchmark.ControlPlaneFigures;
import io.cncfdemo.benchmark.ControlPlaneLoad;
import io.cncfdemo.benchmark.Preemption;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control-plane benchmark, in a scratch namespace removed afterwards: pod start-up latency, API
 * request latency, Deployment rollout and preemption, one after the other.
 */
public final class ControlPlaneRun {
  private static final Logger LOG = LoggerFactory.getLogger(ControlPlaneRun.class);
  private final KubernetesClient client;
  private final ControlPlaneLoad load;

  public ControlPlaneRun(KubernetesClient client, ControlPlaneLoad load) {
    this.client = client;
    this.load = load;
  }

  /**
   * Runs it; {@code fractionDone} hears how far it is (0 to 1), {@code notes} what was skipped and
   * why.
   *
   * @param run a lowercase id for names: the namespace is {@code cncfdemo-bench-RUN}
   */
  public ControlPlaneFigures run(String run, DoubleConsumer fractionDone, Consumer<String> notes) {
    try (var namespace = ScratchNamespace.create(client, run)) {
      LOG.info("control-plane benchmark in namespace {}: {}", namespace.name(), load);
      var scratch = new Scratch(client, namespace.name(), run, load);
      var before = scrape(notes);
      var startupProbe = new PodStartupProbe(scratch);
      var startup = startupProbe.measure(f -> fractionDone.accept(f * 0.5));
      var api = new ApiLatencyProbe(scratch).measure(f -> fractionDone.accept(0.5 + f * 0.2));
      var serverLatency = before.flatMap(b -> scrape(notes).map(after -> after.since(b)));
      var rollout = new RolloutProbe(scratch).measure();
      fractionDone.accept(0.85);
      var preemption =
          load.preemption() ? new PreemptionProbe(scratch).measure() : Optional.<Preemption>empty();
      if (load.preemption() && preemption.isEmpty()) {
        notes.accept(
            "preemption not measured: no schedulable node has "
                + PreemptionProbe.MIN_FREE_MILLICORES
                + "m CPU free");
      }
      fractionDone.accept(1);
      return new ControlPlaneFigures(
          startup,
          api,
          Optional.of(rollout),
          preemption,
          serverLatency,
          startupProbe.schedulingThroughput());
    }
  }

  /** The API server's request histograms, or empty (with a note) when its metrics are not ours. */
  private Optional<ApiServerMetrics> scrape(Consumer<String> notes) {
    try {
      return Optional.of(ApiServerMetrics.parse(client.raw("/metrics")));
    } catch (RuntimeException e) {
      notes.accept("API server latency not measured: its /metrics could not be read");
      LOG.debug("could not read the API server's /metrics", e);
      return Optional.empty();
    }
  }
}
