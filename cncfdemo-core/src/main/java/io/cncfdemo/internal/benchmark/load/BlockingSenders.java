package io.cncfdemo.internal.benchmark.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The load over https: one platform thread per connection, each sending with {@code java.net.http}
 * on the {@link Schedule}. A response later than the next slot delays that send and is recorded
 * with HdrHistogram's expected-interval correction, which adds the requests the delay kept from
 * being sent; the missed slots are not made up for.
 */
final class BlockingSenders implements Senders {
  /** One platform thread per connection: more would cost more than they measure. */
  static final int MAX_CONNECTIONS = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(BlockingSenders.class);
  private final URI target;
  private final int connections;
  private final Schedule schedule;
  private final IntervalRecorder recorder;
  private final HttpClient client;
  private final List<Thread> workers = new ArrayList<>();

  BlockingSenders(URI target, int connections, Schedule schedule, IntervalRecorder recorder) {
    this.target = target;
    this.connections = connections;
    this.schedule = schedule;
    this.recorder = recorder;
    this.client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofNanos(schedule.timeoutNanos()))
            .build();
  }

  @Override
  public long begin(long durationNanos) {
    long start = System.nanoTime();
    long end = start + durationNanos;
    for (int i = 0; i < connections; i++) {
      long first = schedule.first(start, i);
      var worker = new Thread(() -> send(first, end), "cncfdemo-load-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    return start;
  }

  private void send(long first, long end) {
    var request =
        HttpRequest.newBuilder(target)
            .timeout(Duration.ofNanos(schedule.timeoutNanos()))
            .GET()
            .build();
    long intervalNanos = schedule.intervalNanos();
    long expectedMicros = intervalNanos / 1000;
    long next = first;
    while (!Thread.currentThread().isInterrupted()) {
      long now = System.nanoTime();
      if (next - now > 0) {
        LockSupport.parkNanos(next - now);
        continue;
      }
      if (now >= end) {
        return;
      }
      long sent = System.nanoTime();
      try {
        var response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        long micros = (System.nanoTime() - sent) / 1000;
        recorder.response(
            micros, expectedMicros, response.body().length, response.statusCode() >= 400);
      } catch (IOException e) {
        var kind = ErrorKind.of(e);
        recorder.failure(kind, (System.nanoTime() - sent) / 1000, expectedMicros);
        LOG.debug("request to {} failed ({}): {}", target, kind, e.toString());
      } catch (InterruptedException e) {
        return;
      }
      next += intervalNanos;
      long late = System.nanoTime() - next;
      if (intervalNanos > 0 && late > intervalNanos) {
        next += (late / intervalNanos) * intervalNanos;
      }
    }
  }

  @Override
  public void close() {
    workers.forEach(Thread::interrupt);
    for (var worker : workers) {
      try {
        worker.join(Duration.ofNanos(schedule.timeoutNanos()).plusSeconds(1).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
