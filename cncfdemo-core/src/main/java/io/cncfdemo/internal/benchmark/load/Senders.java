package io.cncfdemo.internal.benchmark.load;

/**
 * The threads of a running load: they connect when created, send from {@link #begin} until the
 * load's end, and are gone after {@link #close}, which waits for the responses on their way.
 */
interface Senders extends AutoCloseable {

  /**
   * Starts sending now, until {@code durationNanos} from now; returns the start ({@link
   * System#nanoTime()}).
   */
  long begin(long durationNanos);

  /** Stops sending, waits for the responses on their way (at most the timeout) and the threads. */
  @Override
  void close();
}
