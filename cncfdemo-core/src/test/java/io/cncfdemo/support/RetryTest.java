package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RetryTest {
  private final FakeSleeper sleeper = new FakeSleeper();
  private final AtomicInteger calls = new AtomicInteger();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  private Retry retry(Backoff backoff) {
    return new Retry(Busy.class::isInstance, backoff, sleeper);
  }

  /**
   * Fails with a retryable error the first {@code failures} calls, then answers how many calls it
   * took.
   */
  private String failing(int failures) {
    int call = calls.incrementAndGet();
    if (call <= failures) {
      throw new Busy("busy " + call);
    }
    return "answered on call " + call;
  }

  @Test
  void aRetryableError_isTriedAgain_afterPausesGrowingAsTheBackoffSays() {
    var answer =
        retry(Backoff.exponential(Duration.ofMillis(100), Duration.ofMillis(300)).attempts(5))
            .call("read x", () -> failing(3));

    assertThat(answer).isEqualTo("answered on call 4");
    assertThat(sleeper.pauses).extracting(Duration::toMillis).containsExactly(100L, 200L, 300L);
  }

  @Test
  void jitter_shortensThePauses() {
    sleeper.random = 0.5;

    retry(Backoff.fixed(Duration.ofMillis(100)).jitter(0.4)).call("read x", () -> failing(2));

    assertThat(sleeper.pauses).extracting(Duration::toMillis).containsExactly(80L, 80L);
  }

  @Test
  void whenTheAttemptsRunOut_theLastErrorIsThrown_sayingHowOftenAndHowLongItWasTried() {
    var retry =
        retry(Backoff.exponential(Duration.ofMillis(100), Duration.ofSeconds(1)).attempts(3));

    assertThatThrownBy(() -> retry.call("read x", () -> failing(10)))
        .isInstanceOf(Busy.class)
        .hasMessage("busy 3")
        .satisfies(
            e ->
                assertThat(e.getSuppressed())
                    .singleElement()
                    .asString()
                    .endsWith("gave up on read x after 3 attempts in 300ms"));
    assertThat(calls).hasValue(3);
  }

  @Test
  void theDeadline_endsTheRetries_beforeAPauseWouldPassIt() {
    var retry = retry(Backoff.fixed(Duration.ofSeconds(1)).deadline(Duration.ofMillis(2500)));

    assertThatThrownBy(() -> retry.call("apply y", () -> failing(10)))
        .isInstanceOf(Busy.class)
        .satisfies(
            e ->
                assertThat(e.getSuppressed()[0])
                    .hasMessage("gave up on apply y after 3 attempts in 2s"));
    assertThat(sleeper.pauses).hasSize(2);
  }

  @Test
  void slowCalls_countAgainstTheDeadline() {
    var retry = retry(Backoff.fixed(Duration.ofMillis(100)).deadline(Duration.ofSeconds(1)));

    assertThatThrownBy(
            () ->
                retry.call(
                    "slow",
                    () -> {
                      sleeper.pass(Duration.ofMillis(600));
                      return failing(10);
                    }))
        .satisfies(
            e ->
                assertThat(e.getSuppressed()[0])
                    .hasMessage("gave up on slow after 2 attempts in 1s300ms"));
  }

  @Test
  void anErrorThatIsNotRetryable_isThrownAtOnce() {
    var retry = retry(Backoff.fixed(Duration.ofMillis(100)).attempts(5));

    assertThatThrownBy(
            () ->
                retry.call(
                    "read x",
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("404");
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("404")
        .satisfies(e -> assertThat(e.getSuppressed()).isEmpty());
    assertThat(calls).hasValue(1);
    assertThat(sleeper.pauses).isEmpty();
  }

  @Test
  void anInterruptDuringAPause_endsTheRetry_andKeepsTheInterruptFlag() {
    sleeper.interrupt = true;

    assertThatThrownBy(
            () -> retry(Backoff.fixed(Duration.ofMillis(100))).call("delete z", () -> failing(10)))
        .isInstanceOf(CncfDemoException.class)
        .hasMessage("interrupted while retrying delete z after 1 attempt in 0s")
        .hasCauseInstanceOf(InterruptedException.class)
        .satisfies(e -> assertThat(e.getSuppressed()).singleElement().isInstanceOf(Busy.class));
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void run_retriesARunnable() {
    retry(Backoff.fixed(Duration.ofMillis(10))).run("write", () -> failing(1));

    assertThat(calls).hasValue(2);
  }

  @Test
  void on_usesTheRealClock_forShortPauses() {
    long started = System.nanoTime();

    var answer =
        Retry.on(Busy.class::isInstance, Backoff.fixed(Duration.ofMillis(5)))
            .call("read x", () -> failing(2));

    assertThat(answer).isEqualTo("answered on call 3");
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isGreaterThanOrEqualTo(Duration.ofMillis(10));
  }

  /** The retryable error of these tests. */
  static final class Busy extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Busy(String message) {
      super(message);
    }
  }
}
