package io.cncfdemo.cli.progress;

import io.cncfdemo.cli.common.Console;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Progress on a terminal: one status line redrawn with {@code \r} ten times a second — spinner,
 * phase, bar, count, latest item, elapsed time; a finished phase stays above it as a line of its
 * own.
 */
final class TerminalProgress implements Progress {
  private static final String CLEAR_LINE = "\r\033[K";
  private static final String SPINNER = "|/-\\";
  private static final int BAR_WIDTH = 24;

  private final Console console;
  private final int width;
  private final ScheduledExecutorService ticker;
  private String phase;
  private long phaseStarted = System.nanoTime();
  private int done;
  private int total;
  private String detail = "";
  private int tick;

  TerminalProgress(Console console) {
    this.console = console;
    this.width = columns();
    this.ticker =
        Executors.newSingleThreadScheduledExecutor(
            runnable -> {
              var thread = new Thread(runnable, "cncfdemo-progress");
              thread.setDaemon(true);
              return thread;
            });
    ticker.scheduleAtFixedRate(this::redraw, 100, 100, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void phase(String text) {
    endPhase();
    phase = text;
    phaseStarted = System.nanoTime();
    done = 0;
    total = 0;
    detail = "";
    redraw();
  }

  @Override
  public synchronized void advance(int done, int total, String detail) {
    this.done = done;
    this.total = total;
    this.detail = detail == null ? "" : detail;
    redraw();
  }

  @Override
  public synchronized void note(String text) {
    this.detail = text == null ? "" : text;
    redraw();
  }

  @Override
  public synchronized void finish(String text) {
    endPhase();
    phase = null;
    console.print(CLEAR_LINE);
    console.line(text);
  }

  @Override
  public synchronized void close() {
    ticker.shutdownNow();
    if (phase != null) {
      endPhase();
      phase = null;
    }
  }

  private void endPhase() {
    if (phase != null) {
      var count = total > 0 ? " " + done + "/" + total : "";
      console.print(CLEAR_LINE + fit("done " + phase + count + " (" + elapsed() + ")") + "\n");
    }
  }

  private synchronized void redraw() {
    if (phase == null) {
      return;
    }
    var line = new StringBuilder();
    line.append(SPINNER.charAt(tick++ % SPINNER.length())).append(' ').append(phase);
    if (total > 0) {
      int filled = (int) Math.round(BAR_WIDTH * Math.min(1.0, done / (double) total));
      line.append(" [")
          .append("=".repeat(filled))
          .append(filled < BAR_WIDTH ? ">" : "")
          .append(" ".repeat(Math.max(0, BAR_WIDTH - filled - 1)))
          .append("] ")
          .append(done)
          .append('/')
          .append(total);
    }
    line.append(' ').append(elapsed());
    if (!detail.isEmpty()) {
      line.append("  ").append(detail);
    }
    console.print(CLEAR_LINE + fit(line.toString()));
  }

  private String elapsed() {
    return Elapsed.format(Duration.ofNanos(System.nanoTime() - phaseStarted));
  }

  private String fit(String line) {
    return line.length() < width ? line : line.substring(0, Math.max(0, width - 1));
  }

  private static int columns() {
    try {
      return Integer.parseInt(System.getenv().getOrDefault("COLUMNS", "100").strip());
    } catch (NumberFormatException e) {
      return 100;
    }
  }
}
