package io.cncfdemo.internal.benchmark.load;

/** The bytes a server sent are not an HTTP/1.x response this generator can frame. */
final class HttpFramingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  HttpFramingException(String message) {
    super("not an HTTP/1.x response: " + message);
  }
}
