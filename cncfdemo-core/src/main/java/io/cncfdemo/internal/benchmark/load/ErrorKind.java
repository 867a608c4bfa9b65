package io.cncfdemo.internal.benchmark.load;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;

/** The kinds of failed request, as wrk counts them. */
enum ErrorKind {
  CONNECT,
  READ,
  WRITE,
  STATUS,
  TIMEOUT;

  /** The kind of a request that threw {@code failure}. */
  static ErrorKind of(IOException failure) {
    if (failure instanceof HttpConnectTimeoutException
        || failure instanceof ConnectException
        || failure.getCause() instanceof ConnectException) {
      return CONNECT;
    }
    if (failure instanceof HttpTimeoutException) {
      return TIMEOUT;
    }
    return READ;
  }
}
