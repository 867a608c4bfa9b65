package io.cncfdemo.it;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition, as the end-to-end tests wait for the cluster, failing with what it waited for.
 */
final class Await {
  private Await() {}

  /** Waits until the condition holds and returns how long that took. */
  static Duration until(Duration timeout, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    long deadline = start + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "gave up waiting for " + what + " after " + timeout.toSeconds() + "s");
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted while waiting for " + what, e);
      }
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
