package io.cncfdemo.support;

import io.cncfdemo.InvalidInputException;
import io.cncfdemo.internal.Check;
import io.cncfdemo.internal.Durations;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How long {@link Retry} and {@link Poll} pause between attempts, and when they give up: the first pause
 * {@code initial}, each next one {@code multiplier} times longer up to {@code max}, each shortened by a random share of
 * up to {@code jitter} (0 to 1) so that many callers do not retry in step; at most {@code attempts} attempts, within
 * {@code deadline} (from the first attempt) when one is set. An immutable value:
 * {@code Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(5)).jitter(0.2).attempts(10)}.
 */
public record Backoff(Duration initial, double multiplier, Duration max, double jitter, int attempts,
    Optional<Duration> deadline) {

  /** Validates every setting; see the factories and withers for what each accepts. */
  public Backoff {
    Check.positive("initial", initial);
    Check.positive("max", max);
    if (max.compareTo(initial) < 0) {
      throw new InvalidInputException("max", Durations.format(max), "at least initial, " + Durations.format(initial));
    }
    if (!(multiplier >= 1 && multiplier <= 100)) {
      throw new InvalidInputException("multiplier", multiplier, "between 1 and 100");
    }
    if (!(jitter >= 0 && jitter <= 1)) {
      throw new InvalidInputException("jitter", jitter, "between 0 and 1");
    }
    Check.atLeast("attempts", attempts, 1);
    Objects.requireNonNull(deadline, "deadline").ifPresent(value -> Check.positive("deadline", value));
  }

  /** Pauses doubling from {@code initial} up to {@code max}; no jitter, no limit on attempts, no deadline. */
  public static Backoff exponential(Duration initial, Duration max) {
    return new Backoff(initial, 2, max, 0, Integer.MAX_VALUE, Optional.empty());
  }

  /** The same pause every time; no jitter, no limit on attempts, no deadline. */
  public static Backoff fixed(Duration interval) {
    return new Backoff(interval, 1, interval, 0, Integer.MAX_VALUE, Optional.empty());
  }

  /** The same backoff with each pause this many times the one before (1 to 100), up to {@code max}. */
  public Backoff multiplier(double multiplier) {
    return new Backoff(initial, multiplier, max, jitter, attempts, deadline);
  }

  /** The same backoff with each pause shortened by a random share of up to {@code jitter} (0 to 1). */
  public Backoff jitter(double jitter) {
    return new Backoff(initial, multiplier, max, jitter, attempts, deadline);
  }

  /** The same backoff giving up after this many attempts (at least 1). */
  public Backoff attempts(int attempts) {
    return new Backoff(initial, multiplier, max, jitter, attempts, deadline);
  }

  /** The same backoff giving up once {@code deadline} (positive) has passed since the first attempt. */
  public Backoff deadline(Duration deadline) {
    return new Backoff(initial, multiplier, max, jitter, attempts, Optional.of(Check.positive("deadline", deadline)));
  }

  /** The pause after attempt number {@code attempt} (from 1) without jitter: {@code initial * multiplier^(attempt-1)}, at most {@code max}. */
  public Duration delay(int attempt) {
    double nanos = initial.toNanos() * Math.pow(multiplier, Math.max(0, attempt - 1));
    return nanos >= max.toNanos() ? max : Duration.ofNanos((long) nanos);
  }

  /** {@link #delay(int)} shortened by {@code jitter * random}, for a {@code random} in [0, 1). */
  Duration delay(int attempt, double random) {
    var full = delay(attempt);
    return jitter == 0 ? full : Duration.ofNanos((long) (full.toNanos() * (1 - jitter * random)));
  }
}
