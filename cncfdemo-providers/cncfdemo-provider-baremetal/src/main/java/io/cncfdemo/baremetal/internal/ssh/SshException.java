package io.cncfdemo.baremetal.internal.ssh;

import io.cncfdemo.exception.CncfDemoException;

/**
 * A host could not be reached, refused the login or its key, or a command on it failed; the message
 * says which.
 */
public class SshException extends CncfDemoException {
  private static final long serialVersionUID = 1L;

  public SshException(String message) {
    super(message);
  }

  public SshException(String message, Throwable cause) {
    super(message, cause);
  }
}
