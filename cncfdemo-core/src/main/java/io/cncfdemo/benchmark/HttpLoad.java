package io.cncfdemo.benchmark;

import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * The shape of an HTTP load: how long, how many connections and threads, an optional constant request rate and the
 * timeout per request. Every method returns a new, validated value.
 *
 * <p>{@code HttpLoad.of(Duration.ofMinutes(5)).connections(64).threads(2).rate(500)}
 */
public final class HttpLoad {
  public static final Duration DEFAULT_DURATION = Duration.ofMinutes(1);
  public static final int DEFAULT_CONNECTIONS = 64;
  public static final int DEFAULT_THREADS = 2;
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
  public static final Duration MIN_DURATION = Duration.ofSeconds(1);
  public static final Duration MAX_DURATION = Duration.ofHours(24);
  public static final int MAX_CONNECTIONS = 100_000;
  public static final int MAX_THREADS = 256;
  public static final int MAX_RATE = 10_000_000;

  private final Duration duration;
  private final int connections;
  private final int threads;
  private final OptionalInt rate;
  private final Duration timeout;

  private HttpLoad(Duration duration, int connections, int threads, OptionalInt rate, Duration timeout) {
    this.duration = duration;
    this.connections = connections;
    this.threads = threads;
    this.rate = rate;
    this.timeout = timeout;
  }

  /**
   * Checks what the withers cannot check one at a time, since either may be given first: connections must be at least
   * the threads. Called before a load starts; returns this load.
   */
  public HttpLoad validate() {
    if (connections < threads) {
      throw new InvalidInputException("connections", connections, "at least the threads (" + threads + "), one per thread or more");
    }
    return this;
  }

  /** One minute, 64 connections on 2 threads, as fast as they go, 5 s timeout. */
  public static HttpLoad defaults() {
    return new HttpLoad(DEFAULT_DURATION, DEFAULT_CONNECTIONS, DEFAULT_THREADS, OptionalInt.empty(), DEFAULT_TIMEOUT);
  }

  /** The defaults for this long (1 second to 24 hours). */
  public static HttpLoad of(Duration duration) {
    return defaults().duration(duration);
  }

  /** The same load for this long (1 second to 24 hours). */
  public HttpLoad duration(Duration duration) {
    return new HttpLoad(Check.between("duration", duration, MIN_DURATION, MAX_DURATION), connections, threads, rate, timeout);
  }

  /** The same load over this many open connections (at least the threads, at most {@value #MAX_CONNECTIONS}). */
  public HttpLoad connections(int connections) {
    return new HttpLoad(duration, Check.between("connections", connections, 1, MAX_CONNECTIONS), threads, rate, timeout);
  }

  /** The same load from this many threads (1 to {@value #MAX_THREADS}, at most the connections). */
  public HttpLoad threads(int threads) {
    return new HttpLoad(duration, connections, Check.between("threads", threads, 1, MAX_THREADS), rate, timeout);
  }

  /**
   * The same load at a constant rate of this many requests per second (1 to {@value #MAX_RATE}): latencies are then
   * measured against the schedule, so a stall counts for every request it delayed (no coordinated omission).
   */
  public HttpLoad rate(int requestsPerSecond) {
    return new HttpLoad(duration, connections, threads, OptionalInt.of(Check.between("rate", requestsPerSecond, 1, MAX_RATE)), timeout);
  }

  /** The same load counting a response slower than this (100 ms to 5 minutes) as a timeout error. */
  public HttpLoad timeout(Duration timeout) {
    return new HttpLoad(duration, connections, threads, rate,
        Check.between("timeout", timeout, Duration.ofMillis(100), Duration.ofMinutes(5)));
  }

  public Duration duration() {
    return duration;
  }

  public int connections() {
    return connections;
  }

  public int threads() {
    return threads;
  }

  /** The constant rate in requests per second; empty: as fast as the connections allow (closed loop). */
  public OptionalInt rate() {
    return rate;
  }

  public Duration timeout() {
    return timeout;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof HttpLoad that && duration.equals(that.duration) && connections == that.connections
        && threads == that.threads && rate.equals(that.rate) && timeout.equals(that.timeout);
  }

  @Override
  public int hashCode() {
    return Objects.hash(duration, connections, threads, rate, timeout);
  }

  @Override
  public String toString() {
    return Durations.format(duration) + ", " + connections + " connections, " + threads + " threads, "
        + (rate.isPresent() ? rate.getAsInt() + " requests/s" : "as fast as possible") + ", timeout " + Durations.format(timeout);
  }
}
