package io.cncfdemo.internal.benchmark.load;

import io.cncfdemo.benchmark.ErrorCounts;
import io.cncfdemo.benchmark.IntervalSample;
import io.cncfdemo.benchmark.Latency;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Records the requests of a load from many threads: latencies in microseconds in two HdrHistograms,
 * one with the expected-interval correction for coordinated omission and one without, and counts
 * per interval for the timeline. {@link #closeInterval} is called by one thread, once per interval.
 */
final class IntervalRecorder {
  private final Recorder corrected = new Recorder(3);
  private final Recorder uncorrected = new Recorder(3);
  private final Histogram totalCorrected = new Histogram(3);
  private final Histogram totalUncorrected = new Histogram(3);
  private final LongAdder intervalRequests = new LongAdder();
  private final LongAdder intervalErrors = new LongAdder();
  private final LongAdder tickRequests = new LongAdder();
  private final AtomicLongArray errors = new AtomicLongArray(ErrorKind.values().length);
  private final List<IntervalSample> timeline = new ArrayList<>();
  private long requests;
  private long bytes;
  private final LongAdder bytesAdder = new LongAdder();
  private Histogram recycled;

  /**
   * One response (any status) after {@code micros}; {@code expectedIntervalMicros} is the
   * schedule's interval, 0 for a closed loop (no correction).
   */
  void response(long micros, long expectedIntervalMicros, long responseBytes, boolean statusError) {
    var value = Math.max(1, micros);
    if (expectedIntervalMicros > 0) {
      corrected.recordValueWithExpectedInterval(value, expectedIntervalMicros);
    } else {
      corrected.recordValue(value);
    }
    uncorrected.recordValue(value);
    intervalRequests.increment();
    tickRequests.increment();
    bytesAdder.add(responseBytes);
    if (statusError) {
      error(ErrorKind.STATUS);
    }
  }

  /**
   * One response (any status) of a scheduled request: {@code latencyMicros} from its scheduled send
   * time, which corrects coordinated omission by construction, and {@code serviceMicros} from when
   * it was really sent. In a closed loop both are the same.
   */
  void scheduled(long latencyMicros, long serviceMicros, long responseBytes, boolean statusError) {
    corrected.recordValue(Math.max(1, latencyMicros));
    uncorrected.recordValue(Math.max(1, serviceMicros));
    intervalRequests.increment();
    tickRequests.increment();
    bytesAdder.add(responseBytes);
    if (statusError) {
      error(ErrorKind.STATUS);
    }
  }

  /** A scheduled request that failed without a response; a timeout also counts its latencies. */
  void scheduledFailure(ErrorKind kind, long latencyMicros, long serviceMicros) {
    if (kind == ErrorKind.TIMEOUT) {
      scheduled(latencyMicros, serviceMicros, 0, false);
    } else {
      intervalRequests.increment();
      tickRequests.increment();
    }
    error(kind);
  }

  /**
   * A request that failed without a response; a timeout also counts its latency, the timeout
   * itself.
   */
  void failure(ErrorKind kind, long micros, long expectedIntervalMicros) {
    if (kind == ErrorKind.TIMEOUT) {
      response(micros, expectedIntervalMicros, 0, false);
    } else {
      intervalRequests.increment();
      tickRequests.increment();
    }
    error(kind);
  }

  private void error(ErrorKind kind) {
    errors.incrementAndGet(kind.ordinal());
    intervalErrors.increment();
  }

  /**
   * Ends the interval that started {@code startSeconds} after the load began and lasted {@code
   * seconds}.
   */
  IntervalSample closeInterval(double startSeconds, double seconds) {
    var interval = corrected.getIntervalHistogram(recycled);
    totalCorrected.add(interval);
    totalUncorrected.add(uncorrected.getIntervalHistogram());
    long count = intervalRequests.sumThenReset();
    long failed = intervalErrors.sumThenReset();
    requests += count;
    bytes = bytesAdder.sum();
    var sample =
        new IntervalSample(
            startSeconds,
            count / seconds,
            failed / seconds,
            interval.getTotalCount() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(interval.getValueAtPercentile(50) / 1000.0),
            interval.getTotalCount() == 0
                ? OptionalDouble.empty()
                : OptionalDouble.of(interval.getValueAtPercentile(99) / 1000.0));
    recycled = interval;
    timeline.add(sample);
    return sample;
  }

  /**
   * Adds what was recorded since the last interval to the totals without closing an interval (the
   * few responses after the last one, too short for a sample of their own).
   */
  void flush() {
    var interval = corrected.getIntervalHistogram(recycled);
    totalCorrected.add(interval);
    totalUncorrected.add(uncorrected.getIntervalHistogram());
    requests += intervalRequests.sumThenReset();
    intervalErrors.reset();
    bytes = bytesAdder.sum();
    recycled = interval;
  }

  /**
   * Requests per second since the last call, {@code seconds} ago: the throughput progress shows.
   */
  double tick(double seconds) {
    return tickRequests.sumThenReset() / Math.max(seconds, 1e-3);
  }

  long requests() {
    return requests;
  }

  long bytes() {
    return bytes;
  }

  long errorsSoFar() {
    long sum = 0;
    for (int i = 0; i < errors.length(); i++) {
      sum += errors.get(i);
    }
    return sum;
  }

  ErrorCounts errors() {
    return new ErrorCounts(
        errors.get(ErrorKind.CONNECT.ordinal()),
        errors.get(ErrorKind.READ.ordinal()),
        errors.get(ErrorKind.WRITE.ordinal()),
        errors.get(ErrorKind.STATUS.ordinal()),
        errors.get(ErrorKind.TIMEOUT.ordinal()));
  }

  Latency corrected() {
    return latency(totalCorrected);
  }

  Latency uncorrected() {
    return latency(totalUncorrected);
  }

  List<IntervalSample> timeline() {
    return List.copyOf(timeline);
  }

  private static Latency latency(Histogram histogram) {
    if (histogram.getTotalCount() == 0) {
      return new Latency(0, 0, 0, 0, 0, 0);
    }
    return new Latency(
        ms(histogram.getValueAtPercentile(50)),
        ms(histogram.getValueAtPercentile(90)),
        ms(histogram.getValueAtPercentile(99)),
        ms(histogram.getValueAtPercentile(99.9)),
        ms(histogram.getMaxValue()),
        histogram.getMean() / 1000.0);
  }

  private static double ms(long micros) {
    return micros / 1000.0;
  }
}
