package io.cncfdemo.benchmark;

import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.internal.benchmark.SafeListener;
import io.cncfdemo.internal.benchmark.chaos.ChaosAnalysis;
import io.cncfdemo.internal.benchmark.chaos.Strike;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The HTTP part of a run: the load, the chaos during it, timed from the moment the load starts, and
 * the reading of the results; what each strike did is worked out from the figures over time once
 * the load is over.
 */
final class HttpPhase implements LoadContext {
  private final Benchmark benchmark;
  private final String runId;
  private final SafeListener listener;
  private final Consumer<String> notes;
  private final List<Struck> struck = new ArrayList<>();
  private final ScheduledExecutorService scheduler =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            var thread = new Thread(task, "cncfdemo-chaos");
            thread.setDaemon(true);
            return thread;
          });
  private final long phaseStart = System.nanoTime();
  private volatile long loadStart;

  /** A strike, when it hit, counted from the start of the load. */
  private record Struck(Chaos chaos, double atSeconds, Strike strike) {}

  /** What the phase measured. */
  record Result(Optional<HttpFigures> figures, List<ChaosEvent> chaos) {}

  HttpPhase(Benchmark benchmark, String runId, SafeListener listener, Consumer<String> notes) {
    this.benchmark = benchmark;
    this.runId = runId;
    this.listener = listener;
    this.notes = notes;
  }

  Result run(LoadSource source) {
    return run(
        () -> Optional.of(source.run(benchmark.httpLoad(), this)),
        !source.publishesItself(),
        "HTTP benchmark left out: ");
  }

  /**
   * Simulated load: {@code driver} offers it until it ends; no container serves it, so there are no
   * HTTP figures, only the chaos during it.
   */
  Result runSimulated(Consumer<LoadContext> driver) {
    return run(
        () -> {
          driver.accept(this);
          return Optional.empty();
        },
        false,
        "simulated load stopped: ");
  }

  private Result run(Supplier<Optional<HttpFigures>> load, boolean publish, String failed) {
    listener.phaseStarted(BenchmarkPhase.HTTP, benchmark.httpLoad().duration());
    Optional<HttpFigures> figures = Optional.empty();
    boolean ran = false;
    try {
      figures = load.get();
      ran = true;
    } catch (CncfDemoException e) {
      notes.accept(failed + e.getMessage());
    } finally {
      scheduler.shutdownNow();
      listener.phaseDone(BenchmarkPhase.HTTP, Duration.ofNanos(System.nanoTime() - phaseStart));
    }
    strikeWhatIsLeft(ran);
    if (figures.isPresent() && publish && benchmark.resultStore().isPresent()) {
      figures = Optional.of(collect(benchmark.resultStore().get(), figures.get()));
    }
    var timeline = figures.map(HttpFigures::timeline).orElse(List.of());
    var events = new ArrayList<ChaosEvent>();
    synchronized (struck) {
      for (var hit : struck) {
        var outcome = ChaosAnalysis.of(timeline, hit.atSeconds());
        events.add(
            new ChaosEvent(
                hit.chaos().describe(),
                hit.strike().target(),
                hit.atSeconds(),
                outcome.errorsAfter(),
                outcome.peakErrorsPerSecond(),
                outcome.baseline(),
                outcome.recoverySeconds(),
                replacement(hit)));
      }
    }
    return new Result(figures, events);
  }

  /** Chaos with no HTTP load at all: strikes each at once and times only the replacements. */
  List<ChaosEvent> chaosAlone() {
    listener.phaseStarted(BenchmarkPhase.CHAOS, Duration.ofSeconds(10L * benchmark.chaos().size()));
    loadStart = phaseStart;
    benchmark.chaos().forEach(this::strike);
    var events = new ArrayList<ChaosEvent>();
    synchronized (struck) {
      for (var hit : struck) {
        events.add(
            new ChaosEvent(
                hit.chaos().describe(),
                hit.strike().target(),
                hit.atSeconds(),
                0,
                0,
                OptionalDouble.empty(),
                OptionalDouble.empty(),
                replacement(hit)));
      }
    }
    listener.phaseDone(BenchmarkPhase.CHAOS, Duration.ofNanos(System.nanoTime() - phaseStart));
    return events;
  }

  private HttpFigures collect(ResultStore store, HttpFigures measured) {
    long start = System.nanoTime();
    listener.phaseStarted(BenchmarkPhase.COLLECT, benchmark.collectTimeout());
    try {
      store.publish(runId, measured);
      var collected = store.collect(runId, benchmark.collectTimeout());
      if (collected.isEmpty()) {
        notes.accept(
            "the results of run "
                + runId
                + " did not show in "
                + store.describe()
                + "; the report has the figures as measured in process");
      }
      return collected.orElse(measured);
    } catch (CncfDemoException e) {
      notes.accept(
          "could not publish the results of run "
              + runId
              + " to "
              + store.describe()
              + ": "
              + e.getMessage()
              + "; the report has the figures as measured in process");
      return measured;
    } finally {
      listener.phaseDone(BenchmarkPhase.COLLECT, Duration.ofNanos(System.nanoTime() - start));
    }
  }

  private void strikeWhatIsLeft(boolean loadRan) {
    List<Chaos> left;
    synchronized (struck) {
      left =
          benchmark.chaos().stream()
              .filter(chaos -> struck.stream().noneMatch(hit -> hit.chaos() == chaos))
              .toList();
    }
    if (loadStart == 0) {
      loadStart = phaseStart;
    }
    for (var chaos : left) {
      notes.accept(
          "chaos \""
              + chaos.describe()
              + "\" struck after the HTTP load "
              + (loadRan ? "ended" : "failed")
              + ": only the replacement of what it hit is timed");
      strike(chaos);
    }
  }

  private void strike(Chaos chaos) {
    double at = (System.nanoTime() - loadStart) / 1e9;
    try {
      var hit =
          chaos
              .action()
              .strike(
                  benchmark.demo().map(demo -> demo.cluster().client()),
                  benchmark.demo().map(demo -> demo.namespace()));
      synchronized (struck) {
        struck.add(new Struck(chaos, at, hit));
      }
      listener.chaosStruck(chaos.describe(), hit.target(), Duration.ofNanos((long) (at * 1e9)));
    } catch (RuntimeException e) {
      notes.accept("chaos \"" + chaos.describe() + "\" failed: " + e.getMessage());
      synchronized (struck) {
        struck.add(
            new Struck(
                chaos, at, new Strike("(failed: " + e.getMessage() + ")", Optional.empty())));
      }
    }
  }

  private OptionalDouble replacement(Struck hit) {
    if (hit.strike().replacement().isEmpty()) {
      return OptionalDouble.empty();
    }
    try {
      var took =
          hit.strike()
              .replacement()
              .get()
              .get(Chaos.DEFAULT_REPLACEMENT_TIMEOUT.toSeconds() + 10, TimeUnit.SECONDS);
      return OptionalDouble.of(took.toNanos() / 1e9);
    } catch (ExecutionException | TimeoutException e) {
      notes.accept(
          "chaos \""
              + hit.chaos().describe()
              + "\": "
              + (e.getCause() == null ? e : e.getCause()).getMessage());
      return OptionalDouble.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException(
          "interrupted while waiting for the replacement of " + hit.strike().target(), e);
    }
  }

  @Override
  public String runId() {
    return runId;
  }

  @Override
  public Optional<ResultStore> resultStore() {
    return benchmark.resultStore();
  }

  @Override
  public void loadStarted() {
    if (loadStart != 0) {
      return;
    }
    loadStart = System.nanoTime();
    for (var chaos : benchmark.chaos()) {
      scheduler.schedule(
          () -> strike(chaos),
          chaos.offset(benchmark.httpLoad().duration(), benchmark.loadProfile()).toNanos(),
          TimeUnit.NANOSECONDS);
    }
  }

  @Override
  public void progress(OptionalDouble requestsPerSecond, long errors) {
    var elapsed = Duration.ofNanos(System.nanoTime() - (loadStart == 0 ? phaseStart : loadStart));
    var left = benchmark.httpLoad().duration().minus(elapsed);
    listener.progress(
        new BenchmarkProgress(
            BenchmarkPhase.HTTP,
            elapsed,
            left.isNegative() ? Duration.ZERO : left,
            requestsPerSecond,
            errors));
  }
}
