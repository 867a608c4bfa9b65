package io.cncfdemo.benchmark;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.Durations;
import java.time.Duration;
import java.util.OptionalInt;
import org.immutables.value.Value;

/**
 * The shape of an HTTP load: how long, how many connections and threads, an optional constant
 * request rate and the timeout per request. Every method returns a new, validated value.
 *
 * <p>{@code HttpLoad.of(Duration.ofMinutes(5)).connections(64).threads(2).rate(500)}
 */
@CncfDemoValue
public abstract class HttpLoad {
  public static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);
  public static final int DEFAULT_CONNECTIONS = 64;
  public static final int DEFAULT_THREADS = 2;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration MIN_DURATION = Duration.ofSeconds(1);
  public static final Duration MAX_DURATION = Duration.ofHours(24);
  public static final int MAX_CONNECTIONS = 100_000;
  public static final int MAX_THREADS = 256;
  public static final int MAX_RATE = 10_000_000;
  private static final Duration MIN_TIMEOUT = Duration.ofMillis(100);
  private static final Duration MAX_TIMEOUT = Duration.ofMinutes(5);

  HttpLoad() {}

  /** One minute, 64 connections on 2 threads, as fast as they go, 5 s timeout. */
  public static HttpLoad defaults() {
    return ImmutableHttpLoad.builder().build();
  }

  /** The defaults for this long (1 second to 24 hours). */
  public static HttpLoad of(Duration duration) {
    return defaults().duration(duration);
  }

  @Value.Default
  public Duration duration() {
    return DEFAULT_DURATION;
  }

  @Value.Default
  public int connections() {
    return DEFAULT_CONNECTIONS;
  }

  @Value.Default
  public int threads() {
    return DEFAULT_THREADS;
  }

  /**
   * The constant rate in requests per second; empty: as fast as the connections allow (closed
   * loop).
   */
  public abstract OptionalInt rate();

  @Value.Default
  public Duration timeout() {
    return DEFAULT_TIMEOUT;
  }

  /** The same load for this long (1 second to 24 hours). */
  public HttpLoad duration(Duration duration) {
    return ImmutableHttpLoad.copyOf(this)
        .copyWithDuration(Check.between("duration", duration, MIN_DURATION, MAX_DURATION));
  }

  /**
   * The same load over this many open connections (at least the threads, at most {@value
   * #MAX_CONNECTIONS}).
   */
  public HttpLoad connections(int connections) {
    return ImmutableHttpLoad.copyOf(this)
        .copyWithConnections(Check.between("connections", connections, 1, MAX_CONNECTIONS));
  }

  /** The same load from this many threads (1 to {@value #MAX_THREADS}, at most the connections). */
  public HttpLoad threads(int threads) {
    return ImmutableHttpLoad.copyOf(this)
        .copyWithThreads(Check.between("threads", threads, 1, MAX_THREADS));
  }

  /**
   * The same load at a constant rate of this many requests per second (1 to {@value #MAX_RATE}):
   * latencies are then measured against the schedule, so a stall counts for every request it
   * delayed (no coordinated omission).
   */
  public HttpLoad rate(int requestsPerSecond) {
    return ImmutableHttpLoad.copyOf(this)
        .copyWithRate(Check.between("rate", requestsPerSecond, 1, MAX_RATE));
  }

  /**
   * The same load counting a response slower than this (100 ms to 5 minutes) as a timeout error.
   */
  public HttpLoad timeout(Duration timeout) {
    return ImmutableHttpLoad.copyOf(this)
        .copyWithTimeout(Check.between("timeout", timeout, MIN_TIMEOUT, MAX_TIMEOUT));
  }

  /**
   * Checks what the withers cannot check one at a time, since either may be given first:
   * connections must be at least the threads. Called before a load starts; returns this load.
   */
  @CanIgnoreReturnValue
  public HttpLoad validate() {
    if (connections() < threads()) {
      throw new InvalidInputException(
          "connections",
          connections(),
          "at least the threads (" + threads() + "), one per thread or more");
    }
    return this;
  }

  @Override
  public String toString() {
    return Durations.format(duration())
        + ", "
        + connections()
        + " connections, "
        + threads()
        + " threads, "
        + (rate().isPresent() ? rate().getAsInt() + " requests/s" : "as fast as possible")
        + ", timeout "
        + Durations.format(timeout());
  }
}
