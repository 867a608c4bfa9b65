package io.cncfdemo.support;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Ends the pause of a {@link Poll} early: whatever learns that the polled state changed (an
 * informer's or a watch's event handler) calls {@link #signal()}, and the poll looks again at once.
 * A signal given while the poll is looking is kept for its next pause, so none is lost.
 */
public final class Wakeup {
  private boolean signaled;

  /** Wakes the poll that waits on this, or makes its next pause end at once. */
  public synchronized void signal() {
    signaled = true;
    notifyAll();
  }

  /** Waits until a signal or for {@code duration}, whichever comes first, and clears the signal. */
  synchronized void await(Duration duration) throws InterruptedException {
    long end = System.nanoTime() + duration.toNanos();
    long left;
    while (!signaled && (left = end - System.nanoTime()) > 0) {
      TimeUnit.NANOSECONDS.timedWait(this, left);
    }
    signaled = false;
  }
}
