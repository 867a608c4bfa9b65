package io.cncfdemo.benchmark;

/**
 * Failed requests of an HTTP benchmark by kind, as wrk counts them.
 *
 * @param connect the connection could not be opened
 * @param read reading the response failed (connection reset, closed early)
 * @param write sending the request failed
 * @param status the response had a status of 400 or more
 * @param timeout no response within the timeout
 */
public record ErrorCounts(long connect, long read, long write, long status, long timeout) {
  /** No errors. */
  public static final ErrorCounts NONE = new ErrorCounts(0, 0, 0, 0, 0);

  /** Every error of every kind. */
  public long total() {
    return connect + read + write + status + timeout;
  }
}
