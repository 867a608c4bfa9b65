package io.cncfdemo.benchmark;

/**
 * How the benchmark runs load Jobs of a demo's {@code BENCHMARK} stage, such as {@code wrk(url)}'s: the demo holds each
 * as a suspended template marked with {@link #TARGET_ANNOTATION}; each run creates a copy that is not suspended, with
 * the environment variables below set on every container, so that the run's duration, connections, threads, timeout
 * and id reach the load tool (Kubernetes expands {@code $(NAME)} in a container's command and arguments).
 */
public final class BenchmarkJobs {
  /** On a load Job: the URL it loads. */
  public static final String TARGET_ANNOTATION = "cncfdemo.io/target";
  /** On a load Job: the constant rate asked for, when one was. */
  public static final String RATE_ANNOTATION = "cncfdemo.io/rate";
  /** The run's id: the Pushgateway group's {@code instance}, {@code /metrics/job/wrk/instance/$(CNCFDEMO_RUN)}. */
  public static final String RUN = "CNCFDEMO_RUN";
  /** The load's duration in whole seconds, e.g. {@code 300s} (see {@link #wrkSeconds}). */
  public static final String DURATION = "WRK_DURATION";
  public static final String CONNECTIONS = "WRK_CONNECTIONS";
  public static final String THREADS = "WRK_THREADS";
  /** The timeout per request in whole seconds, e.g. {@code 5s}. */
  public static final String TIMEOUT = "WRK_TIMEOUT";
  /** The constant rate in requests per second, empty for as fast as possible. */
  public static final String RATE = "WRK_RATE";
  /** The container that generates the load; its log holds the results in the Prometheus text format. */
  public static final String LOAD_CONTAINER = "wrk";

  private BenchmarkJobs() {}

  /**
   * A duration as wrk parses it, in whole seconds rounded up and at least one, e.g. {@code 90s}: wrk takes neither
   * {@code 1m30s} nor milliseconds.
   */
  public static String wrkSeconds(java.time.Duration duration) {
    long seconds = duration.toSeconds() + (duration.toNanosPart() > 0 ? 1 : 0);
    return Math.max(1, seconds) + "s";
  }
}
