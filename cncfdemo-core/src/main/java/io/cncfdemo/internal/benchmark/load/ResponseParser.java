package io.cncfdemo.internal.benchmark.load;

import java.nio.ByteBuffer;

/**
 * Reads one HTTP/1.1 response after another from the bytes of a connection, as they come: status
 * line, headers, and a body framed by {@code Content-Length}, by {@code Transfer-Encoding: chunked}
 * (chunk extensions and trailers skipped), or, without either, by the end of the connection.
 * Interim 1xx responses are skipped; 204 and 304 have no body. Nothing is copied but the current
 * line, and only its bytes are looked at: the parser checks framing, not content.
 */
final class ResponseParser {
  /** The longest status, header or chunk-size line accepted. */
  static final int MAX_LINE = 16 * 1024;

  private enum State {
    STATUS,
    HEADER,
    BODY,
    CHUNK_SIZE,
    CHUNK,
    CHUNK_END,
    TRAILER,
    UNTIL_CLOSE,
    DONE
  }

  private static final byte[] HTTP_1 = ascii("HTTP/1.");
  private static final byte[] CONTENT_LENGTH = ascii("content-length");
  private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding");
  private static final byte[] CONNECTION = ascii("connection");
  private static final byte[] CHUNKED = ascii("chunked");
  private static final byte[] CLOSE = ascii("close");
  private static final byte[] KEEP_ALIVE = ascii("keep-alive");

  private final byte[] line = new byte[MAX_LINE];
  private int lineLength;
  private State state = State.STATUS;
  private int status;
  private boolean http10;
  private long contentLength;
  private boolean chunked;
  private boolean close;
  private boolean keepAlive;
  private long remaining;
  private long bytes;

  ResponseParser() {
    reset();
  }

  /**
   * Consumes bytes of {@code buffer} until a response is complete or the buffer is empty; returns
   * whether a response is complete. After a complete response, {@link #status()}, {@link #bytes()}
   * and {@link #reusable()} describe it until {@link #reset()}. Bytes past a complete response stay
   * in the buffer.
   *
   * @throws HttpFramingException when the bytes are not an HTTP/1.x response
   */
  boolean feed(ByteBuffer buffer) {
    while (buffer.hasRemaining() && state != State.DONE) {
      switch (state) {
        case BODY, CHUNK -> skip(buffer);
        case UNTIL_CLOSE -> {
          bytes += buffer.remaining();
          buffer.position(buffer.limit());
        }
        default -> {
          if (readLine(buffer)) {
            line();
          }
        }
      }
    }
    return state == State.DONE;
  }

  /**
   * The connection ended: completes a response framed by the end of the connection and returns
   * whether a response is complete now.
   */
  boolean endOfStream() {
    if (state == State.UNTIL_CLOSE) {
      state = State.DONE;
      close = true;
    }
    return state == State.DONE;
  }

  /** Whether any byte of the current response came (a response has begun). */
  boolean started() {
    return bytes > 0;
  }

  int status() {
    return status;
  }

  /** Bytes of the response, headers included. */
  long bytes() {
    return bytes;
  }

  /** Whether the connection may carry the next request after this response. */
  boolean reusable() {
    return !close && (!http10 || keepAlive);
  }

  /** Ready for the next response. */
  void reset() {
    state = State.STATUS;
    lineLength = 0;
    status = 0;
    http10 = false;
    contentLength = -1;
    chunked = false;
    close = false;
    keepAlive = false;
    remaining = 0;
    bytes = 0;
  }

  private void skip(ByteBuffer buffer) {
    int n = (int) Math.min(remaining, buffer.remaining());
    buffer.position(buffer.position() + n);
    bytes += n;
    remaining -= n;
    if (remaining == 0) {
      state = state == State.BODY ? State.DONE : State.CHUNK_END;
    }
  }

  /** Appends bytes up to and including LF; returns whether the line is whole (CR LF stripped). */
  private boolean readLine(ByteBuffer buffer) {
    while (buffer.hasRemaining()) {
      byte b = buffer.get();
      bytes++;
      if (b == '\n') {
        if (lineLength > 0 && line[lineLength - 1] == '\r') {
          lineLength--;
        }
        return true;
      }
      if (lineLength == MAX_LINE) {
        throw new HttpFramingException("a line longer than " + MAX_LINE + " bytes");
      }
      line[lineLength++] = b;
    }
    return false;
  }

  private void line() {
    int length = lineLength;
    lineLength = 0;
    switch (state) {
      case STATUS -> statusLine(length);
      case HEADER -> {
        if (length == 0) {
          endOfHeaders();
        } else {
          header(length);
        }
      }
      case CHUNK_SIZE -> chunkSize(length);
      case CHUNK_END -> {
        if (length != 0) {
          throw new HttpFramingException("no CRLF after a chunk");
        }
        state = State.CHUNK_SIZE;
      }
      case TRAILER -> {
        if (length == 0) {
          state = State.DONE;
        }
      }
      default -> throw new IllegalStateException(state.name());
    }
  }

  private void statusLine(int length) {
    // HTTP/1.1 200 OK
    if (length < 12
        || !startsWith(line, HTTP_1)
        || line[8] != ' '
        || !digit(line[9])
        || !digit(line[10])
        || !digit(line[11])) {
      throw new HttpFramingException("no HTTP/1.x status line");
    }
    http10 = line[7] == '0';
    status = (line[9] - '0') * 100 + (line[10] - '0') * 10 + (line[11] - '0');
    state = State.HEADER;
  }

  private void header(int length) {
    int colon = indexOf(line, length, (byte) ':');
    if (colon <= 0) {
      throw new HttpFramingException("a header line without a name");
    }
    int from = colon + 1;
    int to = length;
    while (from < to && (line[from] == ' ' || line[from] == '\t')) {
      from++;
    }
    while (to > from && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    if (nameIs(colon, CONTENT_LENGTH)) {
      contentLength = number(from, to, 10);
    } else if (nameIs(colon, TRANSFER_ENCODING)) {
      chunked = containsIgnoringCase(from, to, CHUNKED);
    } else if (nameIs(colon, CONNECTION)) {
      close |= containsIgnoringCase(from, to, CLOSE);
      keepAlive |= containsIgnoringCase(from, to, KEEP_ALIVE);
    }
  }

  private void endOfHeaders() {
    if (status >= 100 && status < 200 && status != 101) {
      int interimBytes = (int) bytes;
      reset();
      bytes = interimBytes;
      return;
    }
    if (status == 204 || status == 304 || (contentLength == 0 && !chunked)) {
      state = State.DONE;
    } else if (chunked) {
      state = State.CHUNK_SIZE;
    } else if (contentLength > 0) {
      remaining = contentLength;
      state = State.BODY;
    } else {
      state = State.UNTIL_CLOSE;
    }
  }

  private void chunkSize(int length) {
    int to = length;
    int semicolon = indexOf(line, length, (byte) ';');
    if (semicolon >= 0) {
      to = semicolon;
    }
    while (to > 0 && (line[to - 1] == ' ' || line[to - 1] == '\t')) {
      to--;
    }
    long size = number(0, to, 16);
    if (size == 0) {
      state = State.TRAILER;
    } else {
      remaining = size;
      state = State.CHUNK;
    }
  }

  private long number(int from, int to, int radix) {
    if (from >= to || to - from > 15) {
      throw new HttpFramingException(
          "a bad number in a " + (radix == 16 ? "chunk size" : "header"));
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      int d = Character.digit(line[i], radix);
      if (d < 0) {
        throw new HttpFramingException(
            "a bad number in a " + (radix == 16 ? "chunk size" : "header"));
      }
      value = value * radix + d;
    }
    return value;
  }

  private boolean nameIs(int length, byte[] lowerCaseName) {
    if (length != lowerCaseName.length) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      if (lower(line[i]) != lowerCaseName[i]) {
        return false;
      }
    }
    return true;
  }

  private boolean containsIgnoringCase(int from, int to, byte[] lowerCaseWord) {
    outer:
    for (int i = from; i <= to - lowerCaseWord.length; i++) {
      for (int j = 0; j < lowerCaseWord.length; j++) {
        if (lower(line[i + j]) != lowerCaseWord[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    for (int i = 0; i < prefix.length; i++) {
      if (bytes[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  private static int indexOf(byte[] bytes, int length, byte b) {
    for (int i = 0; i < length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static byte lower(byte b) {
    return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
  }

  private static boolean digit(byte b) {
    return b >= '0' && b <= '9';
  }

  private static byte[] ascii(String text) {
    return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  }
}
