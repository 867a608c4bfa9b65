package io.cncfdemo.benchmark;

/** The parts of a benchmark run, in the order they run. */
public enum BenchmarkPhase {
  /** The HTTP load, with chaos during it. */
  HTTP,
  /** Reading the HTTP results back from the result store. */
  COLLECT,
  /** Chaos with no HTTP load running: only the replacement of what was hit is timed. */
  CHAOS,
  /** Pod start-up, API latency, rollout and preemption, in a scratch namespace. */
  CONTROL_PLANE,
  /**
   * Before a {@link LoadProfile} starts: waiting for the resource metrics API to report the CPU of
   * the loaded Deployment's pods, without which its HPA cannot scale it.
   */
  METRICS_WARM_UP;

  /** The phase in words, e.g. {@code control plane}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
