package io.cncfdemo.bootstrap;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;

/** Pauses between polls, turning an interrupt into an exception that keeps the thread's interrupt flag. */
public final class Pause {
  private Pause() {}

  public static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while waiting", e);
    }
  }
}
