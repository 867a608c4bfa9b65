package io.cncfdemo.cli.common;

import java.io.PrintWriter;

/**
 * The CLI's output layer: the only place that writes to the user. Results go to {@link #out()},
 * errors to {@link #err()}; {@link #isTerminal()} says whether {@code out} is a terminal, which
 * decides between redrawn progress bars and plain lines.
 */
public final class Console {
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;

  public Console(PrintWriter out, PrintWriter err, boolean terminal) {
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Whether the output is a terminal (then progress is redrawn in place with {@code \r}). */
  public boolean isTerminal() {
    return terminal;
  }

  /** Prints one line of result and flushes. */
  public void line(String text) {
    out.println(text);
    out.flush();
  }

  /** Prints text as it is (it carries its own line ends) and flushes. */
  public void print(String text) {
    out.print(text);
    out.flush();
  }

  /** Prints {@code error: message} to the error stream, as kubectl does. */
  public void error(String message) {
    err.println("error: " + message);
    err.flush();
  }

  /** Prints a line to the error stream. */
  public void errLine(String text) {
    err.println(text);
    err.flush();
  }
}
