package io.cncfdemo.cli.progress;

import io.cncfdemo.cli.common.Console;

/**
 * Progress of long work (bootstrap, start): phases, and a count of done items within a phase. On a
 * terminal it is one line redrawn in place with {@code \r}, with a bar, the elapsed time and a
 * spinner; elsewhere plain lines; with {@code --output json}, nothing.
 */
public interface Progress extends AutoCloseable {

  /** A new phase begins; the previous one, if any, is done. */
  void phase(String text);

  /**
   * Within the phase, {@code done} of {@code total} items are done; {@code detail} names the
   * latest.
   */
  void advance(int done, int total, String detail);

  /**
   * Something worth a line of its own in a log (an object ready); on a terminal it becomes the
   * detail shown.
   */
  void note(String text);

  /** Ends the progress display with a last line. */
  void finish(String text);

  @Override
  void close();

  /**
   * The progress display that suits this console: redrawn on a terminal, plain lines elsewhere,
   * none for JSON.
   */
  static Progress on(Console console, boolean json) {
    if (json) {
      return new SilentProgress();
    }
    return console.isTerminal() ? new TerminalProgress(console) : new PlainProgress(console);
  }
}
