package io.cncfdemo.internal.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponseParserTest {
  private final ResponseParser parser = new ResponseParser();

  private static ByteBuffer bytes(String text) {
    return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII));
  }

  /** Feeds {@code text} one byte at a time; returns after how many bytes the response was whole. */
  private int feedByteByByte(String text) {
    var all = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < all.length; i++) {
      if (parser.feed(ByteBuffer.wrap(all, i, 1))) {
        return i + 1;
      }
    }
    return -1;
  }

  @Test
  void aContentLengthBody_endsAfterItsLength_evenWhenItComesByteByByte() {
    var response =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-LENGTH:  20 \r\n\r\n"
            + "{\"result\":\"Success\"}";

    assertThat(feedByteByByte(response)).isEqualTo(response.length());
    assertThat(parser.status()).isEqualTo(200);
    assertThat(parser.bytes()).isEqualTo(response.length());
    assertThat(parser.reusable()).isTrue();
  }

  @Test
  void aChunkedBody_withExtensionsAndTrailers_endsAfterTheTrailers() {
    var response =
        "HTTP/1.1 503 Service Unavailable\r\nTransfer-Encoding: gzip, Chunked\r\n\r\n"
            + "5;name=value\r\nhello\r\n"
            + "1A\r\nabcdefghijklmnopqrstuvwxyz\r\n"
            + "0\r\nX-Trailer: 1\r\n\r\n";

    assertThat(feedByteByByte(response)).isEqualTo(response.length());
    assertThat(parser.status()).isEqualTo(503);
    assertThat(parser.reusable()).isTrue();
  }

  @Test
  void bytesPastTheResponse_stayInTheBuffer() {
    var buffer = bytes("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nokHTTP/1.1");

    assertThat(parser.feed(buffer)).isTrue();
    assertThat(buffer.remaining()).isEqualTo("HTTP/1.1".length());
  }

  @Test
  void withoutLengthOrChunks_theBodyEndsWithTheConnection() {
    assertThat(parser.feed(bytes("HTTP/1.1 200 OK\r\n\r\nsome body"))).isFalse();
    assertThat(parser.feed(bytes(" and more"))).isFalse();

    assertThat(parser.endOfStream()).isTrue();
    assertThat(parser.reusable()).isFalse();
    assertThat(parser.bytes()).isEqualTo("HTTP/1.1 200 OK\r\n\r\nsome body and more".length());
  }

  @Test
  void aConnectionEndingMidResponse_leavesItIncomplete() {
    assertThat(parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc"))).isFalse();

    assertThat(parser.endOfStream()).isFalse();
    assertThat(parser.started()).isTrue();
  }

  @Test
  void noContentAndNotModified_haveNoBody_andInterimResponsesAreSkipped() {
    assertThat(parser.feed(bytes("HTTP/1.1 204 No Content\r\nContent-Length: 7\r\n\r\n"))).isTrue();
    parser.reset();
    assertThat(parser.feed(bytes("HTTP/1.1 304 Not Modified\r\n\r\n"))).isTrue();
    parser.reset();

    var response =
        "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 404 Not Found\r\nContent-Length: 1\r\n\r\nx";
    assertThat(parser.feed(bytes(response))).isTrue();
    assertThat(parser.status()).isEqualTo(404);
    assertThat(parser.bytes()).isEqualTo(response.length());
  }

  @Test
  void connectionClose_andHttp10WithoutKeepAlive_areNotReusable() {
    assertThat(
            parser.feed(bytes("HTTP/1.1 200 OK\r\nConnection: close\r\nContent-Length: 0\r\n\r\n")))
        .isTrue();
    assertThat(parser.reusable()).isFalse();
    parser.reset();
    assertThat(parser.feed(bytes("HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n"))).isTrue();
    assertThat(parser.reusable()).isFalse();
    parser.reset();
    assertThat(
            parser.feed(
                bytes("HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n")))
        .isTrue();
    assertThat(parser.reusable()).isTrue();
  }

  @Test
  void whatIsNotAnHttpResponse_isRejected() {
    assertThatThrownBy(() -> parser.feed(bytes("SSH-2.0-OpenSSH_9.6\r\n")))
        .isInstanceOf(HttpFramingException.class)
        .hasMessage("not an HTTP/1.x response: no HTTP/1.x status line");
    parser.reset();
    assertThatThrownBy(
            () -> parser.feed(bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")))
        .hasMessage("not an HTTP/1.x response: a bad number in a chunk size");
    parser.reset();
    assertThatThrownBy(() -> parser.feed(bytes("HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n")))
        .hasMessage("not an HTTP/1.x response: a bad number in a header");
    parser.reset();
    assertThatThrownBy(() -> parser.feed(bytes("HTTP/1.1 200 OK\r\n" + "x".repeat(20_000))))
        .hasMessage("not an HTTP/1.x response: a line longer than 16384 bytes");
  }
}
