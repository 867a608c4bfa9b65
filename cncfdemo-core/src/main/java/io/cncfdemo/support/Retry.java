package io.cncfdemo.support;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls something again, after a {@link Backoff} pause, while it fails with an error the predicate
 * calls retryable; any other error is the answer and is thrown at once. When the attempts or the
 * deadline run out, the last error is thrown as it was, with a suppressed {@link CncfDemoException}
 * saying how often and how long it was tried. An interrupt during a pause restores the thread's
 * interrupt flag and throws {@link CncfDemoException}.
 *
 * <p>The one retry layer: the call must not retry itself (the library's fabric8 clients do not, see
 * {@link KubernetesClients}), nor run inside another {@code Retry} or a {@link Poll}.
 */
public final class Retry {
  private static final Logger LOG = LoggerFactory.getLogger(Retry.class);
  private static final Duration TOLD_FROM = Duration.ofSeconds(1);

  private final Predicate<? super RuntimeException> retryable;
  private final Backoff backoff;
  private final Sleeper sleeper;

  Retry(Predicate<? super RuntimeException> retryable, Backoff backoff, Sleeper sleeper) {
    this.retryable = Objects.requireNonNull(retryable, "retryable");
    this.backoff = Objects.requireNonNull(backoff, "backoff");
    this.sleeper = sleeper;
  }

  /** Retries the errors {@code retryable} accepts, pausing as {@code backoff} says. */
  public static Retry on(Predicate<? super RuntimeException> retryable, Backoff backoff) {
    return new Retry(retryable, backoff, Sleeper.SYSTEM);
  }

  /** The backoff this retry pauses by. */
  public Backoff backoff() {
    return backoff;
  }

  /**
   * Returns what {@code call} returns, trying it again on a retryable error; {@code what} names it
   * in logs and errors.
   */
  public <T> T call(String what, Supplier<T> call) {
    long started = sleeper.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (RuntimeException e) {
        if (!retryable.test(e)) {
          throw e;
        }
        var elapsed = Duration.ofNanos(sleeper.nanoTime() - started);
        var pause = backoff.delay(attempt, sleeper.random());
        if (attempt >= backoff.attempts()
            || backoff.deadline().filter(d -> elapsed.plus(pause).compareTo(d) > 0).isPresent()) {
          e.addSuppressed(
              new CncfDemoException(
                  "gave up on "
                      + what
                      + " after "
                      + attempt
                      + (attempt == 1 ? " attempt" : " attempts")
                      + " in "
                      + Durations.format(elapsed)));
          throw e;
        }
        if (pause.compareTo(TOLD_FROM) >= 0) {
          LOG.info(
              "{}: attempt {} failed ({}); trying again in {}",
              what,
              attempt,
              e.getMessage(),
              Durations.format(pause));
        } else {
          LOG.debug(
              "{}: attempt {} failed ({}); trying again in {}",
              what,
              attempt,
              e.getMessage(),
              Durations.format(pause));
        }
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException interrupt) {
          Thread.currentThread().interrupt();
          var stopped =
              new CncfDemoException(
                  "interrupted while retrying "
                      + what
                      + " after "
                      + attempt
                      + (attempt == 1 ? " attempt" : " attempts")
                      + " in "
                      + Durations.format(elapsed),
                  interrupt);
          stopped.addSuppressed(e);
          throw stopped;
        }
      }
    }
  }

  /**
   * Runs {@code call}, trying it again on a retryable error; {@code what} names it in logs and
   * errors.
   */
  public void run(String what, Runnable call) {
    call(
        what,
        () -> {
          call.run();
          return null;
        });
  }
}
