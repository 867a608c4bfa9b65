package io.cncfdemo.support;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Looks at something until it is as wanted, pausing between looks as a {@link Backoff} says, and
 * gives up with a {@link WaitTimeoutException} (naming what was waited for, how long, and the last
 * look's reason) when the backoff's deadline or attempts run out; the last look happens at the
 * deadline. A {@link Wakeup} ends a pause early, so a poll fed by a watch or an informer sees a
 * change when it happens, and the backoff is only the fallback. An interrupt restores the thread's
 * interrupt flag and throws {@link CncfDemoException}.
 *
 * <pre>{@code
 * var pod = Poll.with(Backoff.fixed(Duration.ofMillis(500)).deadline(Duration.ofMinutes(10)))
 *     .untilDone("the wrk Job's pod", () -> running(job).map(Poll::done).orElse(Poll.notYet("not running yet")));
 * }</pre>
 */
public final class Poll {
  private final Backoff backoff;
  private final Optional<Wakeup> wakeup;
  private final Consumer<String> reasons;
  private final Predicate<? super RuntimeException> passing;
  private final Sleeper sleeper;

  private Poll(
      Backoff backoff,
      Optional<Wakeup> wakeup,
      Consumer<String> reasons,
      Predicate<? super RuntimeException> passing,
      Sleeper sleeper) {
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.wakeup = wakeup;
    this.reasons = reasons;
    this.passing = passing;
    this.sleeper = sleeper;
  }

  /**
   * A poll pausing as {@code backoff} says; set a deadline on it, or it polls until its attempts
   * run out.
   */
  public static Poll with(Backoff backoff) {
    return new Poll(backoff, Optional.empty(), reason -> {}, error -> false, Sleeper.SYSTEM);
  }

  static Poll with(Backoff backoff, Sleeper sleeper) {
    return new Poll(backoff, Optional.empty(), reason -> {}, error -> false, sleeper);
  }

  /** The same poll, looking again as soon as {@code wakeup} is signalled. */
  public Poll wakeOn(Wakeup wakeup) {
    return new Poll(backoff, Optional.of(wakeup), reasons, passing, sleeper);
  }

  /**
   * The same poll, telling {@code listener} each reason that differs from the one before (for
   * progress).
   */
  public Poll onReason(Consumer<String> listener) {
    return new Poll(
        backoff, wakeup, Objects.requireNonNull(listener, "listener"), passing, sleeper);
  }

  /**
   * The same poll, taking a look that fails with an error {@code passing} accepts (an API server
   * that does not answer for a moment) as "not yet", with the error's message as the reason; any
   * other error ends the poll.
   */
  public Poll ignoring(Predicate<? super RuntimeException> passing) {
    return new Poll(backoff, wakeup, reasons, Objects.requireNonNull(passing, "passing"), sleeper);
  }

  /** A look that found what was waited for. */
  public static <T> Result<T> done(T value) {
    return new Done<>(value);
  }

  /** A look that did not find it yet, and why ({@code 2/3 replicas ready}). */
  public static <T> Result<T> notYet(String reason) {
    return new NotYet<>(Objects.requireNonNull(reason, "reason"));
  }

  /**
   * Looks until {@code look} is {@link #done}, and returns its value; {@code what} names what is
   * waited for.
   */
  public <T> T untilDone(String what, Supplier<Result<T>> look) {
    long started = sleeper.nanoTime();
    String last = null;
    for (int attempt = 1; ; attempt++) {
      Result<T> result;
      try {
        result = look.get();
      } catch (RuntimeException e) {
        if (!passing.test(e)) {
          throw e;
        }
        result = notYet(String.valueOf(e.getMessage()));
      }
      if (result instanceof Done<T> done) {
        return done.value();
      }
      var reason = ((NotYet<T>) result).reason();
      if (!reason.equals(last)) {
        last = reason;
        reasons.accept(reason);
      }
      var elapsed = Duration.ofNanos(sleeper.nanoTime() - started);
      var left = backoff.deadline().map(deadline -> deadline.minus(elapsed));
      if (attempt >= backoff.attempts()
          || left.filter(d -> d.isNegative() || d.isZero()).isPresent()) {
        throw new WaitTimeoutException(what, elapsed, reason);
      }
      var pause = backoff.delay(attempt, sleeper.random());
      if (left.isPresent() && left.get().compareTo(pause) < 0) {
        pause = left.get();
      }
      try {
        if (wakeup.isPresent()) {
          wakeup.get().await(pause);
        } else {
          sleeper.sleep(pause);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new CncfDemoException(
            "interrupted while waiting for " + what + " after " + Durations.format(elapsed), e);
      }
    }
  }

  /** Looks until {@code condition} holds; {@code what} names what is waited for. */
  public void until(String what, BooleanSupplier condition) {
    untilDone(what, () -> condition.getAsBoolean() ? done(Boolean.TRUE) : notYet(""));
  }

  /** What one look found: {@link #done} or {@link #notYet}. */
  public sealed interface Result<T> permits Done, NotYet {}

  /** Found, with the value the poll returns. */
  record Done<T>(T value) implements Result<T> {}

  /** Not found yet, and why. */
  record NotYet<T>(String reason) implements Result<T> {}
}
