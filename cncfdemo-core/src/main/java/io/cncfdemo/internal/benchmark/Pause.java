package io.cncfdemo.internal.benchmark;

import io.cncfdemo.exception.CncfDemoException;

/** A pause between two looks at something the benchmark waits for; an interrupt ends the benchmark. */
public final class Pause {
  private Pause() {}

  /** Sleeps {@code millis}; {@code during} says what was waited for, should the thread be interrupted. */
  public static void millis(long millis, String during) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted " + during, e);
    }
  }
}
