package io.cncfdemo.internal.live;

import io.cncfdemo.event.Event;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The events on their way to one browser: bounded, so that a slow browser never slows the
 * publisher. An event that does not fit is dropped and counted; the writer reports the count before
 * the next event it sends, and the page marks the gap.
 */
public final class ClientQueue implements Consumer<Event> {
  private final BlockingQueue<Event> events;
  private final AtomicLong dropped = new AtomicLong();

  /** A queue holding up to {@code capacity} events. */
  public ClientQueue(int capacity) {
    this.events = new ArrayBlockingQueue<>(capacity);
  }

  /** Queues the event, or drops and counts it when the queue is full; never waits. */
  @Override
  public void accept(Event event) {
    if (!events.offer(event)) {
      dropped.incrementAndGet();
    }
  }

  /** The next event, waiting up to {@code millis}; {@code null} when none came. */
  public @Nullable Event poll(long millis) throws InterruptedException {
    return events.poll(millis, TimeUnit.MILLISECONDS);
  }

  /** The events dropped since the last call. */
  public long takeDropped() {
    return dropped.getAndSet(0);
  }

  /** Whether no event waits. */
  public boolean isEmpty() {
    return events.isEmpty();
  }
}
