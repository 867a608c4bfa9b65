package io.cncfdemo.support;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The time and the pauses of {@link Retry} and {@link Poll}; tests pass one that moves time on
 * without sleeping.
 */
interface Sleeper {
  /** The real clock and {@link Thread#sleep}. */
  Sleeper SYSTEM =
      new Sleeper() {
        @Override
        public long nanoTime() {
          return System.nanoTime();
        }

        @Override
        public void sleep(Duration duration) throws InterruptedException {
          Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }

        @Override
        public double random() {
          return ThreadLocalRandom.current().nextDouble();
        }
      };

  long nanoTime();

  void sleep(Duration duration) throws InterruptedException;

  /** A number in [0, 1) for the jitter. */
  double random();
}
