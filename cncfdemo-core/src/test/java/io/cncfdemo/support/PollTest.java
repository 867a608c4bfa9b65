package io.cncfdemo.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PollTest {
  private final FakeSleeper sleeper = new FakeSleeper();
  private final AtomicInteger looks = new AtomicInteger();

  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  /** Ready on look number {@code readyOn}; before, "look n of m". */
  private Poll.Result<String> readyOn(int readyOn) {
    int look = looks.incrementAndGet();
    return look >= readyOn
        ? Poll.done("ready on look " + look)
        : Poll.notYet(look + " of " + readyOn);
  }

  @Test
  void until_returnsTheValueOfTheFirstDoneLook_pausingAsTheBackoffSays() {
    var poll =
        Poll.with(
            Backoff.exponential(Duration.ofMillis(10), Duration.ofMillis(40))
                .deadline(Duration.ofMinutes(1)),
            sleeper);

    assertThat(poll.untilDone("the pods", () -> readyOn(5))).isEqualTo("ready on look 5");
    assertThat(sleeper.pauses).extracting(Duration::toMillis).containsExactly(10L, 20L, 40L, 40L);
  }

  @Test
  void atTheDeadline_itGivesUp_namingWhatItWaitedFor_howLong_andTheLastReason() {
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(300)).deadline(Duration.ofSeconds(1)), sleeper);

    assertThatThrownBy(() -> poll.untilDone("the pods", () -> readyOn(100)))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage("gave up waiting for the pods after 1s: 5 of 100")
        .satisfies(
            e -> {
              var timeout = (WaitTimeoutException) e;
              assertThat(timeout.what()).isEqualTo("the pods");
              assertThat(timeout.waited()).isEqualTo(Duration.ofSeconds(1));
              assertThat(timeout.reason()).isEqualTo("5 of 100");
            });
    assertThat(sleeper.pauses)
        .as("the last pause ends at the deadline, where one more look is taken")
        .extracting(Duration::toMillis)
        .containsExactly(300L, 300L, 300L, 100L);
  }

  @Test
  void whenTheAttemptsRunOut_itGivesUp() {
    var poll = Poll.with(Backoff.fixed(Duration.ofMillis(10)).attempts(3), sleeper);

    assertThatThrownBy(() -> poll.untilDone("the job", () -> readyOn(10)))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage("gave up waiting for the job after 20ms: 3 of 10");
    assertThat(looks).hasValue(3);
  }

  @Test
  void aCondition_isLookedAtUntilItHolds() {
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(1)), sleeper);

    poll.until("three looks", () -> looks.incrementAndGet() >= 3);

    assertThat(looks).hasValue(3);
    assertThatThrownBy(() -> poll.until("never", () -> false))
        .hasMessage("gave up waiting for never after 1s");
  }

  @Test
  void onReason_isToldEachReasonThatDiffersFromTheOneBefore() {
    var reasons = new ArrayList<String>();
    var states = new String[] {"booting", "booting", "1/2 ready", "1/2 ready", "booting"};
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(1)), sleeper)
            .onReason(reasons::add);

    poll.untilDone(
        "the cluster",
        () -> {
          int look = looks.getAndIncrement();
          return look < states.length ? Poll.notYet(states[look]) : Poll.done(look);
        });

    assertThat(reasons).containsExactly("booting", "1/2 ready", "booting");
  }

  @Test
  void ignoring_takesAPassingErrorAsNotYet_withItsMessageAsTheReason() {
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofMillis(50)), sleeper)
            .ignoring(IllegalStateException.class::isInstance);

    assertThat(
            poll.untilDone(
                "the API server",
                () -> {
                  if (looks.incrementAndGet() < 3) {
                    throw new IllegalStateException("connection refused");
                  }
                  return Poll.done("answers");
                }))
        .isEqualTo("answers");
    assertThatThrownBy(
            () ->
                poll.untilDone(
                    "the API server",
                    () -> {
                      throw new IllegalStateException("connection refused");
                    }))
        .isInstanceOf(WaitTimeoutException.class)
        .hasMessage("gave up waiting for the API server after 50ms: connection refused");
  }

  @Test
  void anyOtherError_endsThePollAtOnce() {
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(1)), sleeper)
            .ignoring(IllegalStateException.class::isInstance);

    assertThatThrownBy(
            () ->
                poll.untilDone(
                    "x",
                    () -> {
                      looks.incrementAndGet();
                      throw new IllegalArgumentException("Job failed");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("Job failed");
    assertThat(looks).hasValue(1);
  }

  @Test
  void anInterruptDuringAPause_endsThePoll_andKeepsTheInterruptFlag() {
    sleeper.interrupt = true;
    var poll =
        Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(1)), sleeper);

    assertThatThrownBy(() -> poll.untilDone("the pods", () -> readyOn(10)))
        .isInstanceOf(CncfDemoException.class)
        .isNotInstanceOf(WaitTimeoutException.class)
        .hasMessage("interrupted while waiting for the pods after 0s")
        .hasCauseInstanceOf(InterruptedException.class);
    assertThat(Thread.currentThread().isInterrupted()).isTrue();
  }

  @Test
  void aWakeup_endsAPauseEarly() {
    var wakeup = new Wakeup();
    var ready = new AtomicBoolean();
    var poll =
        Poll.with(Backoff.fixed(Duration.ofSeconds(30)).deadline(Duration.ofMinutes(1)))
            .wakeOn(wakeup);
    long started = System.nanoTime();

    var signaller =
        CompletableFuture.runAsync(
            () -> {
              ready.set(true);
              wakeup.signal();
            });
    poll.until("the event", ready::get);

    signaller.join();
    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .as("woken, not paused 30 s")
        .isLessThan(Duration.ofSeconds(10));
  }

  @Test
  void aSignalBeforeThePause_isKept_andClearedByThePauseItEnds() throws InterruptedException {
    var wakeup = new Wakeup();
    wakeup.signal();
    long started = System.nanoTime();

    wakeup.await(Duration.ofSeconds(30));
    wakeup.await(Duration.ofMillis(5));

    assertThat(Duration.ofNanos(System.nanoTime() - started))
        .isBetween(Duration.ofMillis(5), Duration.ofSeconds(10));
  }
}
