package io.cncfdemo.internal.benchmark.load;

import io.cncfdemo.benchmark.HttpLoad;

/**
 * When each connection sends: at a constant rate, connection {@code i} of {@code n} sends every
 * {@code n / rate} seconds from {@code i / rate} after the start, so that together they send
 * evenly; a send the connection could not make on time (its previous response was late) is made as
 * soon as it can, and keeps its slot for the latency (wrk2's schedule). Without a rate, each
 * connection sends as soon as its previous response is in (closed loop).
 */
final class Schedule {
  private final long intervalNanos;
  private final int connections;
  private final long timeoutNanos;

  private Schedule(long intervalNanos, int connections, long timeoutNanos) {
    this.intervalNanos = intervalNanos;
    this.connections = connections;
    this.timeoutNanos = timeoutNanos;
  }

  static Schedule of(HttpLoad load) {
    long interval =
        load.rate().isPresent()
            ? Math.max(1, Math.round(1e9 * load.connections() / load.rate().getAsInt()))
            : 0;
    return new Schedule(interval, load.connections(), load.timeout().toNanos());
  }

  boolean closedLoop() {
    return intervalNanos == 0;
  }

  /** A connection's send interval in nanoseconds; 0 in a closed loop. */
  long intervalNanos() {
    return intervalNanos;
  }

  long timeoutNanos() {
    return timeoutNanos;
  }

  /** The first send of connection {@code index} of a load that starts at {@code start}. */
  long first(long start, int index) {
    return start + (long) ((double) intervalNanos * index / connections);
  }

  /**
   * The send after the one scheduled at {@code previous}, for a response or failure at {@code now}.
   */
  long next(long previous, long now) {
    return closedLoop() ? now : previous + intervalNanos;
  }
}
