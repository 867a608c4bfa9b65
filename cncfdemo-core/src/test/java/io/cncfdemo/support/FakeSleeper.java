package io.cncfdemo.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Time that moves only when {@link Retry} or {@link Poll} pause: records each pause instead of
 * sleeping.
 */
final class FakeSleeper implements Sleeper {
  final List<Duration> pauses = new ArrayList<>();
  long now = 1_000_000_000L;
  double random = 0.5;
  boolean interrupt;

  @Override
  public long nanoTime() {
    return now;
  }

  @Override
  public void sleep(Duration duration) throws InterruptedException {
    if (interrupt) {
      throw new InterruptedException("test");
    }
    pauses.add(duration);
    now += duration.toNanos();
  }

  @Override
  public double random() {
    return random;
  }

  /** Lets {@code duration} pass, as a slow call would. */
  void pass(Duration duration) {
    now += duration.toNanos();
  }
}
