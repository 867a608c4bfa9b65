package io.cncfdemo.benchmark;

import java.time.Duration;

/**
 * Follows a benchmark as it runs, e.g. to draw a progress bar with the time left and the current
 * requests per second. Every method has an empty default; the benchmark calls them one at a time
 * (never concurrently), and a listener that throws does not stop it.
 */
public interface BenchmarkListener {

  /** A phase begins; it is expected to take about {@code expected}. */
  default void phaseStarted(BenchmarkPhase phase, Duration expected) {}

  /** About once a second while a phase runs. */
  default void progress(BenchmarkProgress progress) {}

  /**
   * A failure was caused on purpose, {@code at} after the HTTP load started; its outcome is in the
   * report.
   */
  default void chaosStruck(String action, String target, Duration at) {}

  /**
   * A look at the demo while a {@link LoadProfile} runs, every sample interval: the load offered,
   * the replicas desired and ready, their CPU against the HPA's target, BOINC's running pods — the
   * same sample the report's timeline keeps.
   */
  default void sampled(TimelineSample sample) {}

  /** A phase ended, {@code elapsed} after it began. */
  default void phaseDone(BenchmarkPhase phase, Duration elapsed) {}

  /** Something the report's notes will say too: a part skipped or failed, and why. */
  default void note(String note) {}

  /** The run is over. */
  default void done(BenchmarkReport report) {}
}
