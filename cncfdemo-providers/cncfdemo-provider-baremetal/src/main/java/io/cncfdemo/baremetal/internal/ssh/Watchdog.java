package io.cncfdemo.baremetal.internal.ssh;

import com.jcraft.jsch.Channel;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ends a command that runs past its timeout by disconnecting its channel, which ends the blocking
 * read of its output; the reader then asks {@link #fired()} whether that is why the output ended.
 */
final class Watchdog {
  private static final ScheduledExecutorService TIMER =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            var thread = new Thread(runnable, "cncfdemo-ssh-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final AtomicBoolean fired = new AtomicBoolean();
  private final ScheduledFuture<?> disconnect;

  private Watchdog(Channel channel, Duration timeout) {
    this.disconnect =
        TIMER.schedule(
            () -> {
              fired.set(true);
              channel.disconnect();
            },
            timeout.toNanos(),
            TimeUnit.NANOSECONDS);
  }

  static Watchdog disconnectAfter(Channel channel, Duration timeout) {
    return new Watchdog(channel, timeout);
  }

  boolean fired() {
    return fired.get();
  }

  void cancel() {
    disconnect.cancel(false);
  }
}
