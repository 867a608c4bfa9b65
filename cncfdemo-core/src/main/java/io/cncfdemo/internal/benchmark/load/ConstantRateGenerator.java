package io.cncfdemo.internal.benchmark.load;

import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.LoadSource;
import io.cncfdemo.exception.InvalidInputException;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A wrk2-style HTTP/1.1 load generator in this JVM. Over http, {@code threads} event loops on
 * non-blocking sockets ({@code java.nio}) drive the connections, each a keep-alive connection with
 * one request at a time (no pipelining). At a constant rate every connection sends on its own
 * schedule, so that together they hold the rate; each latency runs from the request's scheduled
 * send time, so a stall counts for every request it kept from being sent (coordinated omission
 * corrected by construction), and the raw service times (from the real send) are kept beside.
 * Without a rate each connection sends as soon as its response is in (closed loop, like plain wrk),
 * uncorrected. Over https, one thread per connection sends with {@code java.net.http}, and a late
 * response is recorded with HdrHistogram's expected-interval correction.
 */
public final class ConstantRateGenerator implements LoadSource {
  /** Over https, one platform thread per connection: more would cost more than they measure. */
  public static final int MAX_HTTPS_CONNECTIONS = BlockingSenders.MAX_CONNECTIONS;

  private static final int MAX_INTERVALS = 600;
  private final URI target;

  public ConstantRateGenerator(URI target) {
    this.target = target;
  }

  @Override
  public String describe() {
    return "constant-rate generator in the JVM ("
        + (https() ? "java.net.http, a thread per connection" : "java.nio event loops")
        + ") against "
        + target;
  }

  private boolean https() {
    return "https".equalsIgnoreCase(target.getScheme());
  }

  @Override
  public HttpFigures run(HttpLoad load, LoadContext context) {
    load.validate();
    if (https() && load.connections() > MAX_HTTPS_CONNECTIONS) {
      throw new InvalidInputException(
          "connections",
          load.connections(),
          "at most "
              + MAX_HTTPS_CONNECTIONS
              + " for the in-process generator over https, one thread each");
    }
    var recorder = new IntervalRecorder();
    var schedule = Schedule.of(load);
    long start;
    long bucketStart;
    try (Senders senders =
        https()
            ? new BlockingSenders(target, load.connections(), schedule, recorder)
            : NioSenders.start(target, load.connections(), load.threads(), schedule, recorder)) {
      start = senders.begin(load.duration().toNanos());
      context.loadStarted();
      bucketStart = report(start, start + load.duration().toNanos(), recorder, context);
    }
    long finished = System.nanoTime();
    if (finished - bucketStart > TimeUnit.MILLISECONDS.toNanos(100)) {
      recorder.closeInterval((bucketStart - start) / 1e9, (finished - bucketStart) / 1e9);
    } else {
      recorder.flush();
    }
    double seconds = (finished - start) / 1e9;
    boolean constantRate = !schedule.closedLoop();
    return new HttpFigures(
        describe(),
        method(constantRate),
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

  private String method(boolean constantRate) {
    if (!constantRate) {
      return "closed loop: latency from send to response, uncorrected (under-reports after"
          + " stalls)";
    }
    return https()
        ? "constant rate (wrk2-style schedule): latency recorded in HdrHistogram with the"
            + " expected-interval correction for coordinated omission"
        : "constant rate (wrk2-style schedule per connection): latency from each request's"
            + " scheduled send time, in HdrHistogram, which corrects coordinated omission by"
            + " construction; service times from the real send beside";
  }

  /**
   * Reports progress once a second and closes the timeline's intervals until {@code end}, or until
   * this thread is interrupted; returns the start of the interval still open.
   */
  private static long report(long start, long end, IntervalRecorder recorder, LoadContext context) {
    long bucketSeconds =
        Math.max(
            1, (TimeUnit.NANOSECONDS.toSeconds(end - start) + MAX_INTERVALS - 1) / MAX_INTERVALS);
    long bucketStart = start;
    long lastTick = start;
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
    return bucketStart;
  }
}
