package io.cncfdemo.cli.kubectl;

import io.cncfdemo.exception.CncfDemoException;

/**
 * An error kubectl reports with the same words, printed as {@code error: <message>}; the command
 * exits with 1.
 */
public final class KubectlError extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public KubectlError(String message) {
    super(message);
  }
}
