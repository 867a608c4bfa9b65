package io.cncfdemo.internal.benchmark.load;

import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.LoadSource;
import io.cncfdemo.exception.InvalidInputException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A wrk2-style HTTP load generator in this JVM: one thread per connection, each sending GETs on a
 * fixed schedule so that together they hold the asked rate. A response that comes later than the
 * next scheduled send delays that send, as in any closed loop; its latency is then recorded with
 * HdrHistogram's expected-interval correction, which adds the requests the stall kept from being
 * sent, so percentiles do not hide the stall (coordinated omission). The uncorrected service times
 * are kept too, for comparison. Without a rate, the threads send as fast as responses come (closed
 * loop, like plain wrk) and nothing is corrected.
 */
public final class ConstantRateGenerator implements LoadSource {
  /** One platform thread per connection: more would cost more than they measure. */
  public static final int MAX_CONNECTIONS = 1024;

  private static final Logger LOG = LoggerFactory.getLogger(ConstantRateGenerator.class);
  private static final int MAX_INTERVALS = 600;
  private final URI target;

  public ConstantRateGenerator(URI target) {
    this.target = target;
  }

  @Override
  public String describe() {
    return "constant-rate generator in the JVM (java.net.http) against " + target;
  }

  @Override
  public HttpFigures run(HttpLoad load, LoadContext context) {
    load.validate();
    if (load.connections() > MAX_CONNECTIONS) {
      throw new InvalidInputException(
          "connections",
          load.connections(),
          "at most " + MAX_CONNECTIONS + " for the in-process generator, one thread each");
    }
    var recorder = new IntervalRecorder();
    var client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(load.timeout())
            .build();
    long intervalNanos =
        load.rate().isPresent() ? (long) (1e9 * load.connections() / load.rate().getAsInt()) : 0;
    context.loadStarted();
    long start = System.nanoTime();
    long end = start + load.duration().toNanos();
    var workers = new ArrayList<Thread>();
    for (int i = 0; i < load.connections(); i++) {
      long first = start + (intervalNanos * i) / load.connections();
      var worker =
          new Thread(
              () -> send(client, load.timeout(), first, end, intervalNanos, recorder),
              "cncfdemo-load-" + i);
      worker.setDaemon(true);
      workers.add(worker);
      worker.start();
    }
    long bucketSeconds =
        Math.max(1, (load.duration().toSeconds() + MAX_INTERVALS - 1) / MAX_INTERVALS);
    long bucketStart = start;
    long lastTick = start;
    try {
      while (System.nanoTime() < end) {
        long next = Math.min(end, lastTick + TimeUnit.SECONDS.toNanos(1));
        LockSupport.parkNanos(next - System.nanoTime());
        if (Thread.currentThread().isInterrupted()) {
          break;
        }
        long now = System.nanoTime();
        context.progress(
            OptionalDouble.of(recorder.tick((now - lastTick) / 1e9)), recorder.errorsSoFar());
        lastTick = now;
        if (now - bucketStart >= TimeUnit.SECONDS.toNanos(bucketSeconds) || now >= end) {
          recorder.closeInterval((bucketStart - start) / 1e9, (now - bucketStart) / 1e9);
          bucketStart = now;
        }
      }
    } finally {
      workers.forEach(Thread::interrupt);
      for (var worker : workers) {
        join(worker, load.timeout().plusSeconds(1));
      }
    }
    long finished = System.nanoTime();
    if (finished - bucketStart > TimeUnit.MILLISECONDS.toNanos(100)) {
      recorder.closeInterval((bucketStart - start) / 1e9, (finished - bucketStart) / 1e9);
    }
    double seconds = (finished - start) / 1e9;
    boolean constantRate = intervalNanos > 0;
    return new HttpFigures(
        describe(),
        constantRate
            ? "constant rate (wrk2-style schedule): latency recorded in HdrHistogram with the"
                + " expected-interval correction for coordinated omission"
            : "closed loop: latency from send to response, uncorrected (under-reports after"
                + " stalls)",
        "in process",
        seconds,
        recorder.requests(),
        recorder.requests() / seconds,
        recorder.bytes(),
        recorder.errors(),
        recorder.corrected(),
        constantRate ? Optional.of(recorder.uncorrected()) : Optional.empty(),
        load.rate(),
        load.connections(),
        load.threads(),
        recorder.timeline());
  }

  private void send(
      HttpClient client,
      Duration timeout,
      long first,
      long end,
      long intervalNanos,
      IntervalRecorder recorder) {
    var request = HttpRequest.newBuilder(target).timeout(timeout).GET().build();
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
        // the missed sends are not made up for (closed loop); the correction recorded them
        next += (late / intervalNanos) * intervalNanos;
      }
    }
  }

  private static void join(Thread worker, Duration timeout) {
    try {
      worker.join(timeout.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
