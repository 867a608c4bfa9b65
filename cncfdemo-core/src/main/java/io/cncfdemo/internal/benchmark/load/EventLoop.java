package io.cncfdemo.internal.benchmark.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One thread with one selector driving many {@link Connection}s: it connects them ahead of the
 * load, sends each connection's requests on its schedule (or, in a closed loop, as soon as the
 * previous response is in), times out requests that take too long, and, once the load's end has
 * come, waits for the responses still on their way before it closes the connections.
 */
final class EventLoop implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
  private static final long MILLI = TimeUnit.MILLISECONDS.toNanos(1);
  private static final int READ_BUFFER = 64 * 1024;

  private final Selector selector;
  private final InetSocketAddress address;
  private final Schedule schedule;
  private final IntervalRecorder recorder;
  private final long timeoutNanos;
  private final long sweepNanos;
  private final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
  private final List<Connection> connections = new ArrayList<>();
  private final List<Integer> indexes = new ArrayList<>();
  private final PriorityQueue<Connection> due =
      new PriorityQueue<>(Comparator.comparingLong(Connection::scheduled));
  private final CountDownLatch connected = new CountDownLatch(1);
  private final CountDownLatch go = new CountDownLatch(1);
  private volatile boolean stopping;
  private volatile long start;
  private long end;
  private int preconnecting;
  private int inFlight;
  private long nextSweep;

  EventLoop(InetSocketAddress address, Schedule schedule, IntervalRecorder recorder) {
    this.address = address;
    this.schedule = schedule;
    this.recorder = recorder;
    this.timeoutNanos = schedule.timeoutNanos();
    this.sweepNanos = Math.max(MILLI, timeoutNanos / 20);
    try {
      this.selector = Selector.open();
    } catch (IOException e) {
      throw new UncheckedIOException("could not open a selector", e);
    }
  }

  /** Adds the connection with this index among all the load's connections (before {@link #run}). */
  void add(ByteBuffer request, int index) {
    connections.add(new Connection(this, request));
    indexes.add(index);
  }

  /** Waits until every connection is connected or could not be, at most {@code nanos}. */
  boolean awaitConnected(long nanos) throws InterruptedException {
    return connected.await(nanos, TimeUnit.NANOSECONDS);
  }

  /** The load starts now ({@link System#nanoTime()}) and ends at {@code endNanos}. */
  void begin(long startNanos, long endNanos) {
    this.end = endNanos;
    this.start = startNanos;
    go.countDown();
  }

  /** Stops sending (the responses on their way still count) and lets {@link #run} return. */
  void stop() {
    stopping = true;
    go.countDown();
    selector.wakeup();
  }

  @Override
  public void run() {
    try {
      preconnect();
      go.await();
      load();
    } catch (IOException e) {
      LOG.warn("the load generator's event loop failed: {}", e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      connections.forEach(Connection::close);
      try {
        selector.close();
      } catch (IOException e) {
        LOG.debug("closing a selector: {}", e.toString());
      }
    }
  }

  private void preconnect() throws IOException {
    preconnecting = connections.size();
    for (var connection : connections) {
      connection.preconnect();
    }
    long deadline = System.nanoTime() + timeoutNanos;
    long now;
    while (preconnecting > 0 && !stopping && (now = System.nanoTime()) < deadline) {
      selector.select(key -> ((Connection) key.attachment()).ready(key), millis(deadline - now));
    }
    for (var connection : connections) {
      if (connection.connecting()) {
        connection.close();
      }
    }
    connected.countDown();
  }

  private void load() throws IOException {
    for (int i = 0; i < connections.size(); i++) {
      var connection = connections.get(i);
      connection.schedule(schedule.first(start, indexes.get(i)));
      due.add(connection);
    }
    nextSweep = start + sweepNanos;
    while (true) {
      long now = System.nanoTime();
      boolean sending = !stopping && now < end;
      if (sending) {
        Connection next;
        while ((next = due.peek()) != null && next.scheduled() <= now) {
          due.poll();
          inFlight++;
          next.send(now);
        }
      } else {
        due.clear();
      }
      if (now >= nextSweep) {
        sweep(now);
      }
      if (!sending && inFlight == 0) {
        return;
      }
      long wake = sending ? Math.min(end, dueAt(now)) : Long.MAX_VALUE;
      if (inFlight > 0) {
        wake = Math.min(wake, nextSweep);
      }
      long wait = wake - now;
      if (wait <= 0) {
        selector.selectNow(key -> ((Connection) key.attachment()).ready(key));
      } else if (wait < MILLI && inFlight == 0) {
        // nothing on its way can arrive meanwhile: park for the sub-millisecond rest of the wait
        selector.selectNow(key -> ((Connection) key.attachment()).ready(key));
        LockSupport.parkNanos(wait);
      } else {
        selector.select(
            key -> ((Connection) key.attachment()).ready(key), Math.max(1, wait / MILLI));
      }
    }
  }

  private long dueAt(long now) {
    var next = due.peek();
    return next == null ? now + TimeUnit.SECONDS.toNanos(1) : next.scheduled();
  }

  /** Times out the requests that have been on their way longer than the timeout. */
  private void sweep(long now) {
    for (int i = 0; i < connections.size(); i++) {
      var connection = connections.get(i);
      if (connection.inFlight() && now - connection.sent() >= timeoutNanos) {
        connection.timeOut(now);
      }
    }
    nextSweep = now + sweepNanos;
  }

  Selector selector() {
    return selector;
  }

  InetSocketAddress address() {
    return address;
  }

  ByteBuffer readBuffer() {
    return readBuffer;
  }

  void preconnected(Connection connection) {
    preconnecting--;
  }

  void requestDone(
      Connection connection,
      long latencyMicros,
      long serviceMicros,
      long bytes,
      boolean statusError,
      long now) {
    inFlight--;
    recorder.scheduled(latencyMicros, serviceMicros, bytes, statusError);
    next(connection, now, true);
  }

  void requestFailed(
      Connection connection, ErrorKind kind, long latencyMicros, long serviceMicros, long now) {
    inFlight--;
    recorder.scheduledFailure(kind, latencyMicros, serviceMicros);
    next(connection, now, false);
  }

  /**
   * Schedules the connection's next request: in a closed loop, after a response, sent at once;
   * otherwise queued for its slot (one already past is sent in the loop's next turn, not from
   * within this call, so that a connection failing at once cannot recurse).
   */
  private void next(Connection connection, long now, boolean answered) {
    if (stopping || now >= end) {
      return;
    }
    connection.schedule(schedule.next(connection.scheduled(), now));
    if (answered && schedule.closedLoop()) {
      inFlight++;
      connection.send(now);
    } else {
      due.add(connection);
    }
  }

  private static long millis(long nanos) {
    return Math.max(1, nanos / MILLI);
  }
}
