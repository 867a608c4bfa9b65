package io.cncfdemo.exception;

/**
 * The root of every exception cncfdemo throws: catch this one type to handle any failure of the
 * library.
 */
public class CncfDemoException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CncfDemoException(String message) {
    super(message);
  }

  public CncfDemoException(String message, Throwable cause) {
    super(message, cause);
  }
}
