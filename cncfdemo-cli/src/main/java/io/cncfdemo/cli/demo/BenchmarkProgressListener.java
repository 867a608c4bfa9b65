package io.cncfdemo.cli.demo;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkPhase;
import io.cncfdemo.benchmark.BenchmarkProgress;
import io.cncfdemo.cli.progress.Progress;
import java.time.Duration;
import java.util.Locale;

/**
 * Turns a benchmark's events into progress: a phase per benchmark part, the time left and the
 * current requests per second (on a terminal a bar of the phase's time, redrawn every second;
 * elsewhere a line every {@value #PLAIN_EVERY_SECONDS} s), a note per chaos event and per note of
 * the report.
 */
final class BenchmarkProgressListener implements BenchmarkListener {
  static final long PLAIN_EVERY_SECONDS = 10;
  private final Progress progress;
  private final boolean terminal;
  private final long everySeconds;
  private long lastShown = Long.MIN_VALUE;

  BenchmarkProgressListener(Progress progress, boolean terminal) {
    this.progress = progress;
    this.terminal = terminal;
    this.everySeconds = terminal ? 1 : PLAIN_EVERY_SECONDS;
  }

  @Override
  public void phaseStarted(BenchmarkPhase phase, Duration expected) {
    lastShown = Long.MIN_VALUE;
    progress.phase(phase.label() + ": about " + Math.max(1, expected.toSeconds()) + " s");
  }

  @Override
  public void progress(BenchmarkProgress update) {
    long elapsed = update.elapsed().toSeconds();
    if (lastShown != Long.MIN_VALUE && elapsed - lastShown < everySeconds) {
      return;
    }
    lastShown = elapsed;
    if (!terminal) {
      progress.note(describe(update));
      return;
    }
    long total = elapsed + update.left().toSeconds();
    progress.advance(
        (int) Math.min(Integer.MAX_VALUE, elapsed),
        (int) Math.min(Integer.MAX_VALUE, Math.max(1, total)),
        describe(update));
  }

  @Override
  public void chaosStruck(String action, String target, Duration at) {
    progress.note(
        String.format(
            Locale.ROOT, "chaos at %.1f s: %s (%s)", at.toMillis() / 1000.0, action, target));
  }

  @Override
  public void note(String note) {
    progress.note("note: " + note);
  }

  static String describe(BenchmarkProgress update) {
    var text = new StringBuilder().append(update.left().toSeconds()).append(" s left");
    if (update.requestsPerSecond().isPresent()) {
      text.append(
          String.format(
              Locale.ROOT, ", %.0f requests/s", update.requestsPerSecond().getAsDouble()));
    }
    if (update.errors() > 0) {
      text.append(", ")
          .append(update.errors())
          .append(" error")
          .append(update.errors() == 1 ? "" : "s");
    }
    return text.toString();
  }
}
