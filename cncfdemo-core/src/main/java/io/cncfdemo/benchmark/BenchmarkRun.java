package io.cncfdemo.benchmark;

import io.cncfdemo.cluster.ProvisioningPlan;
import io.cncfdemo.cluster.RunningCluster;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.internal.benchmark.CostCalculator;
import io.cncfdemo.internal.benchmark.RunIds;
import io.cncfdemo.internal.benchmark.RunMetadataCollector;
import io.cncfdemo.internal.benchmark.SafeListener;
import io.cncfdemo.internal.benchmark.controlplane.ControlPlaneRun;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * One run of a {@link Benchmark}: validates it, runs its parts in order and assembles the report.
 */
final class BenchmarkRun {
  private final Benchmark benchmark;
  private final SafeListener listener;
  private final List<String> notes = new ArrayList<>();

  BenchmarkRun(Benchmark benchmark) {
    this.benchmark = benchmark;
    this.listener = new SafeListener(benchmark.listener());
  }

  BenchmarkReport run() {
    validate();
    var started = Instant.now();
    long start = System.nanoTime();
    var name =
        benchmark.name().orElseGet(() -> RunMetadataCollector.defaultName(benchmark.cluster()));
    var runId = RunIds.of(name, started);
    var metadata =
        RunMetadataCollector.of(
            name, runId, started, benchmark.cluster(), benchmark.demo(), loadDescription());
    Supplier<HttpPhase> phases = () -> new HttpPhase(benchmark, runId, listener, this::note);
    Optional<HttpFigures> http = Optional.empty();
    List<ChaosEvent> chaos = List.of();
    Optional<Timeline> timeline = Optional.empty();
    if (benchmark.loadProfile().isPresent()) {
      var result =
          ProfileRun.run(benchmark, benchmark.loadProfile().get(), phases, listener, this::note);
      http = result.http();
      chaos = result.chaos();
      timeline = Optional.of(result.timeline());
    } else if (benchmark.load().isPresent()) {
      var result = phases.get().run(benchmark.load().get());
      http = result.figures();
      chaos = result.chaos();
    } else if (!benchmark.chaos().isEmpty()) {
      chaos = phases.get().chaosAlone();
    }
    var controlPlane =
        benchmark
            .cluster()
            .flatMap(
                cluster ->
                    benchmark.controlPlane().flatMap(load -> controlPlane(cluster, load, runId)));
    double busySeconds =
        http.map(HttpFigures::durationSeconds).orElse((System.nanoTime() - start) / 1e9);
    var requests = http.map(HttpFigures::requests);
    var cost = plan().map(plan -> CostCalculator.of(plan, busySeconds, requests));
    var report =
        new BenchmarkReport(
            BenchmarkReport.SCHEMA_VERSION,
            metadata,
            http,
            controlPlane,
            chaos,
            cost,
            notes,
            timeline);
    listener.done(report);
    return report;
  }

  private String loadDescription() {
    if (benchmark.loadProfile().isPresent()
        && benchmark.demo().isPresent()
        && benchmark.demo().get().cluster().simulatedLoad().isPresent()) {
      return Timeline.SIMULATED_LOAD + ": " + benchmark.loadProfile().get();
    }
    return benchmark.load().map(LoadSource::describe).orElse("no HTTP load");
  }

  private void validate() {
    if (benchmark.load().isEmpty()
        && benchmark.loadProfile().isEmpty()
        && benchmark.chaos().isEmpty()
        && (benchmark.cluster().isEmpty() || benchmark.controlPlane().isEmpty())) {
      throw new InvalidInputException(
          "load",
          "none",
          "an HTTP load source, chaos, or a control-plane load on a cluster: as it is, nothing"
              + " would be measured");
    }
    if (benchmark.cluster().isEmpty() && benchmark.controlPlane().isPresent()) {
      throw new InvalidInputException(
          "controlPlane",
          benchmark.controlPlane().get().toString(),
          "given with a cluster to measure: Benchmark.of(cluster) or Benchmark.of(demo)");
    }
    if (benchmark.load().isPresent()) {
      benchmark.httpLoad().validate();
    }
    benchmark.loadProfile().ifPresent(profile -> ProfileRun.validate(benchmark, profile));
    for (var chaos : benchmark.chaos()) {
      if (chaos.action().needsCluster() && benchmark.demo().isEmpty()) {
        throw new InvalidInputException(
            "chaos", chaos.describe(), "given with a deployed demo to act on: Benchmark.of(demo)");
      }
    }
  }

  private Optional<ControlPlaneFigures> controlPlane(
      RunningCluster cluster, ControlPlaneLoad load, String runId) {
    long start = System.nanoTime();
    listener.phaseStarted(BenchmarkPhase.CONTROL_PLANE, Duration.ofSeconds(30));
    try {
      return Optional.of(
          new ControlPlaneRun(cluster.client(), load)
              .run(
                  runId,
                  done -> {
                    var elapsed = Duration.ofNanos(System.nanoTime() - start);
                    var left =
                        done <= 0
                            ? Duration.ZERO
                            : Duration.ofNanos((long) (elapsed.toNanos() * (1 - done) / done));
                    listener.progress(
                        new BenchmarkProgress(
                            BenchmarkPhase.CONTROL_PLANE,
                            elapsed,
                            left,
                            OptionalDouble.empty(),
                            0));
                  },
                  this::note));
    } catch (RuntimeException e) {
      note("control-plane benchmark left out: " + e.getMessage());
      return Optional.empty();
    } finally {
      listener.phaseDone(BenchmarkPhase.CONTROL_PLANE, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private Optional<ProvisioningPlan> plan() {
    if (benchmark.plan().isPresent() || benchmark.cluster().isEmpty()) {
      return benchmark.plan();
    }
    var cluster = benchmark.cluster().get();
    try {
      return Optional.of(cluster.plan());
    } catch (RuntimeException e) {
      note(
          "no cost: the "
              + cluster.spec().target().providerName()
              + " provider could not price the cluster: "
              + e.getMessage());
      return Optional.empty();
    }
  }

  private void note(String note) {
    synchronized (notes) {
      notes.add(note);
    }
    listener.note(note);
  }
}
