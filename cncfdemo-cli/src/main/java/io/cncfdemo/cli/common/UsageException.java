package io.cncfdemo.cli.common;

import io.cncfdemo.exception.CncfDemoException;

/**
 * The command line asks for something that cannot be done as asked: exit code 2, with this message.
 */
public final class UsageException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public UsageException(String message) {
    super(message);
  }
}
