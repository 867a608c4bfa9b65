package io.cncfdemo.benchmark;

import java.util.Optional;
import java.util.OptionalDouble;

/** What a {@link LoadSource} gets from the benchmark running it. */
public interface LoadContext {

  /** The run's id, unique per run: the {@code instance} label of its results in the Pushgateway. */
  String runId();

  /** Where results go, when the benchmark has a store. */
  Optional<ResultStore> resultStore();

  /**
   * The load has begun: the first requests are on their way. Chaos is timed from here, and so is
   * the time left; a source calls it once, when its load really starts (a Job's pod may take a
   * while to be scheduled).
   */
  void loadStarted();

  /** Progress: the current throughput, when the source knows it, and the errors so far. */
  void progress(OptionalDouble requestsPerSecond, long errors);
}
