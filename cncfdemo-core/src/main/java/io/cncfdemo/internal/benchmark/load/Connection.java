package io.cncfdemo.internal.benchmark.load;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One keep-alive HTTP/1.1 connection of an {@link EventLoop}, one request at a time (no
 * pipelining). Each request has a scheduled send time: its latency runs from there to the end of
 * its response, so a request the schedule wanted sent while an earlier one was still waiting counts
 * the wait (coordinated omission corrected by construction), and its service time runs from when it
 * was really sent. Closed by the server, or by an error, it connects again for the next request.
 */
final class Connection {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private enum State {
    CLOSED,
    CONNECTING,
    IDLE,
    WRITING,
    READING
  }

  private final EventLoop loop;
  private final ByteBuffer request;
  private final ResponseParser parser = new ResponseParser();
  private State state = State.CLOSED;
  private SocketChannel channel;
  private SelectionKey key;
  private long scheduled;
  private long sent;
  private boolean requested;

  Connection(EventLoop loop, ByteBuffer request) {
    this.loop = loop;
    this.request = request.duplicate();
  }

  /** When the next request is due, in {@link System#nanoTime()} terms. */
  long scheduled() {
    return scheduled;
  }

  /** Whether a request is on its way (connecting, sending or waiting for its response). */
  boolean inFlight() {
    return requested;
  }

  /** Whether connecting ahead of the load is still under way. */
  boolean connecting() {
    return state == State.CONNECTING;
  }

  /**
   * Starts connecting ahead of the load, so the first requests do not pay for the handshake; the
   * loop hears {@link EventLoop#preconnected} when it is done, either way.
   */
  void preconnect() {
    requested = false;
    open();
  }

  /** The next request is due at {@code scheduledNanos}. */
  void schedule(long scheduledNanos) {
    scheduled = scheduledNanos;
  }

  /** Sends the scheduled request now (connecting first if need be). */
  void send(long now) {
    sent = now;
    requested = true;
    if (state == State.CLOSED) {
      open();
    } else if (state == State.IDLE) {
      write();
    } else {
      throw new IllegalStateException("a request on a busy connection: " + state);
    }
  }

  /**
   * The request in flight has taken longer than the timeout: counted, and the connection dropped.
   */
  void timeOut(long now) {
    fail(state == State.CONNECTING ? ErrorKind.CONNECT : ErrorKind.TIMEOUT, now, null);
  }

  /** Since when the request in flight has been on its way. */
  long sent() {
    return sent;
  }

  /** The selector found this connection ready. */
  void ready(SelectionKey readyKey) {
    if (!readyKey.isValid() || readyKey != key) {
      return;
    }
    try {
      if (readyKey.isConnectable()) {
        finishConnect();
        return;
      }
      if (readyKey.isWritable() && state == State.WRITING) {
        write();
      }
      if (readyKey.isValid() && readyKey.isReadable()) {
        read();
      }
    } catch (java.nio.channels.CancelledKeyException e) {
      // closed while handling: nothing more to do
    }
  }

  /** Closes the connection for good (the load is over). */
  void close() {
    closeChannel();
    state = State.CLOSED;
  }

  private void open() {
    try {
      channel = SocketChannel.open();
      channel.configureBlocking(false);
      channel.socket().setTcpNoDelay(true);
      state = State.CONNECTING;
      boolean connected = channel.connect(loop.address());
      key =
          channel.register(
              loop.selector(), connected ? SelectionKey.OP_READ : SelectionKey.OP_CONNECT, this);
      if (connected) {
        connected();
      }
    } catch (IOException e) {
      connectFailed(e);
    }
  }

  private void finishConnect() {
    try {
      if (channel.finishConnect()) {
        key.interestOps(SelectionKey.OP_READ);
        connected();
      }
    } catch (IOException e) {
      connectFailed(e);
    }
  }

  private void connected() {
    state = State.IDLE;
    if (requested) {
      write();
    } else {
      loop.preconnected(this);
    }
  }

  private void connectFailed(IOException e) {
    if (requested) {
      fail(ErrorKind.CONNECT, System.nanoTime(), e);
    } else {
      LOG.debug("could not connect to {} ahead of the load: {}", loop.address(), e.toString());
      closeChannel();
      state = State.CLOSED;
      loop.preconnected(this);
    }
  }

  private void write() {
    if (state == State.IDLE) {
      request.clear();
      parser.reset();
      state = State.WRITING;
    }
    try {
      channel.write(request);
    } catch (IOException e) {
      fail(ErrorKind.WRITE, System.nanoTime(), e);
      return;
    }
    if (request.hasRemaining()) {
      key.interestOps(SelectionKey.OP_READ | SelectionKey.OP_WRITE);
    } else {
      if ((key.interestOps() & SelectionKey.OP_WRITE) != 0) {
        key.interestOps(SelectionKey.OP_READ);
      }
      state = State.READING;
    }
  }

  private void read() {
    var buffer = loop.readBuffer();
    buffer.clear();
    int n;
    try {
      n = channel.read(buffer);
    } catch (IOException e) {
      if (inFlight()) {
        fail(ErrorKind.READ, System.nanoTime(), e);
      } else {
        dropIdle();
      }
      return;
    }
    if (n == 0) {
      return;
    }
    if (state != State.READING) {
      // the server closed an idle connection, or sent what nobody asked for (before the whole
      // request was even written: a failed request)
      if (requested) {
        fail(ErrorKind.READ, System.nanoTime(), null);
      } else {
        dropIdle();
      }
      return;
    }
    if (n < 0) {
      if (parser.endOfStream()) {
        complete(System.nanoTime(), false);
      } else {
        fail(ErrorKind.READ, System.nanoTime(), null);
      }
      return;
    }
    buffer.flip();
    boolean done;
    try {
      done = parser.feed(buffer);
    } catch (HttpFramingException e) {
      fail(ErrorKind.READ, System.nanoTime(), e);
      return;
    }
    if (done) {
      complete(System.nanoTime(), parser.reusable() && !buffer.hasRemaining());
    }
  }

  private void complete(long now, boolean reusable) {
    requested = false;
    if (reusable) {
      state = State.IDLE;
    } else {
      closeChannel();
      state = State.CLOSED;
    }
    loop.requestDone(
        this,
        micros(now - scheduled),
        micros(now - sent),
        parser.bytes(),
        parser.status() >= 400,
        now);
  }

  private void fail(ErrorKind kind, long now, Exception cause) {
    if (cause != null) {
      LOG.debug("request to {} failed ({}): {}", loop.address(), kind, cause.toString());
    }
    closeChannel();
    state = State.CLOSED;
    requested = false;
    loop.requestFailed(this, kind, micros(now - scheduled), micros(now - sent), now);
  }

  private void dropIdle() {
    closeChannel();
    state = State.CLOSED;
  }

  private void closeChannel() {
    if (key != null) {
      key.cancel();
      key = null;
    }
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      LOG.debug("closing a connection to {}: {}", loop.address(), e.toString());
    }
  }

  private static long micros(long nanos) {
    return TimeUnit.NANOSECONDS.toMicros(nanos);
  }
}
