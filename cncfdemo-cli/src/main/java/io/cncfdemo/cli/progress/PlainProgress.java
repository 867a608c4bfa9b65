package io.cncfdemo.cli.progress;

import io.cncfdemo.cli.common.Console;
import java.time.Duration;

/**
 * Progress as plain lines, for logs and pipes: one per phase and one per item done, each with the
 * elapsed time.
 */
final class PlainProgress implements Progress {
  private final Console console;
  private final long started = System.nanoTime();
  private int lastDone = -1;

  PlainProgress(Console console) {
    this.console = console;
  }

  @Override
  public synchronized void phase(String text) {
    lastDone = -1;
    console.line(text);
  }

  @Override
  public synchronized void advance(int done, int total, String detail) {
    if (done == lastDone) {
      return;
    }
    lastDone = done;
    console.line(
        "  "
            + done
            + "/"
            + total
            + (detail == null || detail.isEmpty() ? "" : " " + detail)
            + " ("
            + Elapsed.format(Duration.ofNanos(System.nanoTime() - started))
            + ")");
  }

  @Override
  public synchronized void note(String text) {
    console.line(
        "  " + text + " (" + Elapsed.format(Duration.ofNanos(System.nanoTime() - started)) + ")");
  }

  @Override
  public synchronized void finish(String text) {
    console.line(text);
  }

  @Override
  public void close() {}
}
