package io.cncfdemo.internal.benchmark;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.TimelineSample;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to a user's listener one at a time, and logs them; a listener that throws does not
 * stop the benchmark.
 */
public final class SafeListener implements BenchmarkListener {
  private static final Logger LOG = LoggerFactory.getLogger(SafeListener.class);
  private final BenchmarkListener delegate;

  public SafeListener(BenchmarkListener delegate) {
    this.delegate = delegate;
  }

  @Override
  public synchronized void phaseStarted(BenchmarkPhase phase, Duration expected) {
    LOG.info("{} benchmark started, about {} s", phase.label(), expected.toSeconds());
    safely(() -> delegate.phaseStarted(phase, expected));
  }

  @Override
  public synchronized void progress(BenchmarkProgress progress) {
    LOG.debug("{}", progress);
    safely(() -> delegate.progress(progress));
  }

  @Override
  public synchronized void chaosStruck(String action, String target, Duration at) {
    LOG.info("chaos at {} ms: {} ({})", at.toMillis(), action, target);
    safely(() -> delegate.chaosStruck(action, target, at));
  }

  @Override
  public synchronized void sampled(TimelineSample sample) {
    safely(() -> delegate.sampled(sample));
  }

  @Override
  public synchronized void phaseDone(BenchmarkPhase phase, Duration elapsed) {
    LOG.info("{} benchmark done in {} ms", phase.label(), elapsed.toMillis());
    safely(() -> delegate.phaseDone(phase, elapsed));
  }

  @Override
  public synchronized void note(String note) {
    LOG.warn("{}", note);
    safely(() -> delegate.note(note));
  }

  @Override
  public synchronized void done(BenchmarkReport report) {
    safely(() -> delegate.done(report));
  }

  private static void safely(Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("a benchmark listener failed: {}", e.toString());
    }
  }
}
