package io.cncfdemo.examples.benchmark;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import java.io.PrintStream;
import java.time.Duration;

/**
 * Prints a benchmark's progress, one line every few seconds: the phase, the time left and the
 * requests per second.
 */
public final class ProgressPrinter implements BenchmarkListener {
  private static final long EVERY_SECONDS = 5;
  private final PrintStream out;
  private long lastPrinted = -EVERY_SECONDS;

  public ProgressPrinter(PrintStream out) {
    this.out = out;
  }

  @Override
  public void phaseStarted(BenchmarkPhase phase, Duration expected) {
    out.printf("%s: started, about %d s%n", phase.label(), expected.toSeconds());
    lastPrinted = -EVERY_SECONDS;
  }

  @Override
  public void progress(BenchmarkProgress progress) {
    long elapsed = progress.elapsed().toSeconds();
    if (elapsed - lastPrinted < EVERY_SECONDS) {
      return;
    }
    lastPrinted = elapsed;
    var rate =
        progress.requestsPerSecond().isPresent()
            ? String.format(
                ", %.0f requests/s, %d errors",
                progress.requestsPerSecond().getAsDouble(), progress.errors())
            : "";
    if (progress.phase() == BenchmarkPhase.METRICS_WARM_UP) {
      out.printf(
          "%s: waiting for the metrics API, %d s so far%n", progress.phase().label(), elapsed);
      return;
    }
    out.printf("%s: %d s left%s%n", progress.phase().label(), progress.left().toSeconds(), rate);
  }

  @Override
  public void chaosStruck(String action, String target, Duration at) {
    out.printf("chaos at %.1f s: %s (%s)%n", at.toMillis() / 1000.0, action, target);
  }

  @Override
  public void phaseDone(BenchmarkPhase phase, Duration elapsed) {
    out.printf("%s: done in %.1f s%n", phase.label(), elapsed.toMillis() / 1000.0);
  }

  @Override
  public void note(String note) {
    out.println("note: " + note);
  }
}
