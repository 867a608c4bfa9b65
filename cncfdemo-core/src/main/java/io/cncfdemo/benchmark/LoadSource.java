package io.cncfdemo.benchmark;

/**
 * Where the HTTP load of a benchmark comes from: wrk Jobs in the cluster ({@link
 * LoadSources#inCluster}), a constant-rate generator in this JVM ({@link
 * LoadSources#constantRate}), a wrk process on this machine ({@code io.cncfdemo.apps.wrk.LocalWrk}
 * in cncfdemo-apps), or your own.
 */
public interface LoadSource {

  /**
   * What generates the load against what, in one line, e.g. {@code wrk 4.1 on this machine against
   * http://...}.
   */
  String describe();

  /**
   * Runs the load for about {@code load.duration()} and returns what it measured. Reports progress
   * to {@code context} about once a second; stops early, returning what it has, when the thread is
   * interrupted.
   */
  HttpFigures run(HttpLoad load, LoadContext context);

  /**
   * Whether the source sends its results to the run's {@link ResultStore} itself (as wrk Jobs in
   * the cluster do) and reads them back; otherwise the benchmark publishes the figures {@link #run}
   * returns and reads them back.
   */
  default boolean publishesItself() {
    return false;
  }
}
