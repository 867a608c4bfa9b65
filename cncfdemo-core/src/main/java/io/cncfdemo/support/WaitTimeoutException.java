package io.cncfdemo.support;

import io.cncfdemo.exception.CncfDemoException;
import java.time.Duration;

/**
 * A {@link Poll} gave up: what it waited for, how long, and the reason its last look gave. Callers
 * that know more (what to do next, a log to show) catch it and throw their own message with it as
 * the cause.
 */
public class WaitTimeoutException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  private final String what;
  private final Duration waited;
  private final String reason;

  public WaitTimeoutException(String what, Duration waited, String reason) {
    super(
        "gave up waiting for "
            + what
            + " after "
            + Durations.format(waited)
            + (reason.isEmpty() ? "" : ": " + reason));
    this.what = what;
    this.waited = waited;
    this.reason = reason;
  }

  /** What was waited for, e.g. {@code the wrk Job's pod}. */
  public String what() {
    return what;
  }

  /** How long it was waited for. */
  public Duration waited() {
    return waited;
  }

  /**
   * Why the last look found it not there yet, e.g. {@code 1/3 nodes Ready}; empty when the look
   * gave none.
   */
  public String reason() {
    return reason;
  }
}
