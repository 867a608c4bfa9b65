package io.cncfdemo.support;

import io.cncfdemo.exception.InvalidInputException;
import java.time.Duration;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * How long {@link Retry} and {@link Poll} pause between attempts, and when they give up: the first
 * pause {@code initial}, each next one {@code multiplier} times longer up to {@code max}, each
 * shortened by a random share of up to {@code jitter} (0 to 1) so that many callers do not retry in
 * step; at most {@code attempts} attempts, within {@code deadline} (from the first attempt) when
 * one is set. An immutable value: {@code Backoff.exponential(Duration.ofMillis(100),
 * Duration.ofSeconds(5)).jitter(0.2).attempts(10)}.
 */
@CncfDemoValue
public abstract class Backoff {
  /** No jitter: every pause as long as the backoff says. */
  public static final double DEFAULT_JITTER = 0;

  /** No limit on the number of attempts (a deadline may still end them). */
  public static final int DEFAULT_ATTEMPTS = Integer.MAX_VALUE;

  Backoff() {}

  /**
   * Pauses doubling from {@code initial} up to {@code max}; no jitter, no limit on attempts, no
   * deadline.
   */
  public static Backoff exponential(Duration initial, Duration max) {
    return ImmutableBackoff.builder()
        .initial(Check.positive("initial", initial))
        .multiplier(2)
        .max(Check.positive("max", max))
        .build();
  }

  /** The same pause every time; no jitter, no limit on attempts, no deadline. */
  public static Backoff fixed(Duration interval) {
    return ImmutableBackoff.builder()
        .initial(Check.positive("initial", interval))
        .multiplier(1)
        .max(interval)
        .build();
  }

  /** The first pause. */
  public abstract Duration initial();

  /** How many times longer each pause is than the one before, up to {@link #max()}. */
  public abstract double multiplier();

  /** The longest pause. */
  public abstract Duration max();

  /** The largest share (0 to 1) by which a pause is shortened at random. */
  @Value.Default
  public double jitter() {
    return DEFAULT_JITTER;
  }

  /** How many attempts are made at most. */
  @Value.Default
  public int attempts() {
    return DEFAULT_ATTEMPTS;
  }

  /** How long after the first attempt no more are made; empty: no deadline. */
  public abstract Optional<Duration> deadline();

  /**
   * The same backoff with each pause this many times the one before (1 to 100), up to {@code max}.
   */
  public Backoff multiplier(double multiplier) {
    if (!(multiplier >= 1 && multiplier <= 100)) {
      throw new InvalidInputException("multiplier", multiplier, "between 1 and 100");
    }
    return ImmutableBackoff.copyOf(this).copyWithMultiplier(multiplier);
  }

  /**
   * The same backoff with each pause shortened by a random share of up to {@code jitter} (0 to 1).
   */
  public Backoff jitter(double jitter) {
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new InvalidInputException("jitter", jitter, "between 0 and 1");
    }
    return ImmutableBackoff.copyOf(this).copyWithJitter(jitter);
  }

  /** The same backoff giving up after this many attempts (at least 1). */
  public Backoff attempts(int attempts) {
    return ImmutableBackoff.copyOf(this).copyWithAttempts(Check.atLeast("attempts", attempts, 1));
  }

  /**
   * The same backoff giving up once {@code deadline} (positive) has passed since the first attempt.
   */
  public Backoff deadline(Duration deadline) {
    return ImmutableBackoff.copyOf(this).copyWithDeadline(Check.positive("deadline", deadline));
  }

  /**
   * The pause after attempt number {@code attempt} (from 1) without jitter: {@code initial *
   * multiplier^(attempt-1)}, at most {@code max}.
   */
  public Duration delay(int attempt) {
    double nanos = initial().toNanos() * Math.pow(multiplier(), Math.max(0, attempt - 1));
    return nanos >= max().toNanos() ? max() : Duration.ofNanos((long) nanos);
  }

  /** {@link #delay(int)} shortened by {@code jitter * random}, for a {@code random} in [0, 1). */
  Duration delay(int attempt, double random) {
    var full = delay(attempt);
    return jitter() == 0
        ? full
        : Duration.ofNanos((long) (full.toNanos() * (1 - jitter() * random)));
  }

  @Value.Check
  void check() {
    if (max().compareTo(initial()) < 0) {
      throw new InvalidInputException(
          "max", Durations.format(max()), "at least initial, " + Durations.format(initial()));
    }
  }
}
