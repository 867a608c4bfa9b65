package io.cncfdemo.internal.benchmark.load;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The load on non-blocking sockets: {@code threads} {@link EventLoop}s, the connections dealt among
 * them in turn, each connection sending the same keep-alive {@code GET} on its {@link Schedule}.
 */
final class NioSenders implements Senders {
  private final List<EventLoop> loops = new ArrayList<>();
  private final List<Thread> threads = new ArrayList<>();
  private final Duration timeout;

  private NioSenders(Duration timeout) {
    this.timeout = timeout;
  }

  /**
   * Opens {@code connections} connections to {@code target} on {@code threads} event loops and
   * returns once they are connected (or could not be, within the timeout).
   */
  static NioSenders start(
      URI target, int connections, int threads, Schedule schedule, IntervalRecorder recorder) {
    var senders = new NioSenders(Duration.ofNanos(schedule.timeoutNanos()));
    var address =
        new InetSocketAddress(target.getHost(), target.getPort() < 0 ? 80 : target.getPort());
    var request = request(target);
    int loops = Math.min(threads, connections);
    for (int i = 0; i < loops; i++) {
      senders.loops.add(new EventLoop(address, schedule, recorder));
    }
    for (int i = 0; i < connections; i++) {
      senders.loops.get(i % loops).add(request, i);
    }
    for (int i = 0; i < loops; i++) {
      var thread = new Thread(senders.loops.get(i), "cncfdemo-load-loop-" + i);
      thread.setDaemon(true);
      senders.threads.add(thread);
      thread.start();
    }
    long deadline = System.nanoTime() + schedule.timeoutNanos();
    try {
      for (var loop : senders.loops) {
        if (!loop.awaitConnected(Math.max(0, deadline - System.nanoTime()))) {
          break;
        }
      }
    } catch (InterruptedException e) {
      senders.close();
      Thread.currentThread().interrupt();
    }
    return senders;
  }

  /** The bytes of a keep-alive HTTP/1.1 GET of {@code target}, read-only. */
  static ByteBuffer request(URI target) {
    var path =
        target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
    if (target.getRawQuery() != null) {
      path += "?" + target.getRawQuery();
    }
    var host = target.getPort() < 0 ? target.getHost() : target.getHost() + ":" + target.getPort();
    var text =
        "GET "
            + path
            + " HTTP/1.1\r\nHost: "
            + host
            + "\r\nUser-Agent: cncfdemo\r\nAccept: */*\r\n\r\n";
    var bytes = text.getBytes(StandardCharsets.US_ASCII);
    return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip().asReadOnlyBuffer();
  }

  @Override
  public long begin(long durationNanos) {
    long start = System.nanoTime();
    for (var loop : loops) {
      loop.begin(start, start + durationNanos);
    }
    return start;
  }

  @Override
  public void close() {
    loops.forEach(EventLoop::stop);
    long deadline = System.nanoTime() + timeout.plusSeconds(1).toNanos();
    for (var thread : threads) {
      try {
        TimeUnit.NANOSECONDS.timedJoin(thread, Math.max(1, deadline - System.nanoTime()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
