package io.cncfdemo.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.exception.InvalidInputException;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class LiveViewTest {
  private final HttpClient http = HttpClient.newHttpClient();

  private HttpResponse<String> get(URI uri) throws Exception {
    return http.send(
        HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void thePage_isServedOnLoopbackWithItsToken_andRefusedWithoutIt() throws Exception {
    try (var view = LiveView.open()) {
      var url = view.url();
      assertThat(url.getHost()).isEqualTo("127.0.0.1");
      assertThat(url.getPath()).matches("/[0-9a-f]{32}/");

      var page = get(url);
      assertThat(page.statusCode()).isEqualTo(200);
      assertThat(page.body()).contains("var CncfCharts", "new EventSource('events')");
      assertThat(page.body()).doesNotContain("src=\"http", "href=\"http", "@import");
      assertThat(page.headers().firstValue("content-security-policy").orElseThrow())
          .startsWith("default-src 'none';")
          .contains("connect-src 'self'");

      var root = url.resolve("/");
      assertThat(get(root).statusCode()).isEqualTo(403);
      assertThat(get(root.resolve("/events")).statusCode()).isEqualTo(403);
      var wrong = url.getPath().substring(1, 32) + (url.getPath().charAt(32) == '0' ? "1" : "0");
      assertThat(get(root.resolve("/" + wrong + "/events")).statusCode()).isEqualTo(403);
      assertThat(get(url.resolve("nothing-here")).statusCode()).isEqualTo(404);
      assertThat(get(url.resolve("report")).statusCode()).isEqualTo(404);
    }
  }

  @Test
  void events_comeAfterTheLastEventId_andEndWithTheStream() throws Exception {
    var stream = EventStream.create();
    for (int i = 1; i <= 3; i++) {
      stream.publish(new Payload.Note("note " + i));
    }
    try (var view = LiveView.open(stream)) {
      var request =
          HttpRequest.newBuilder(view.url().resolve("events"))
              .header("Last-Event-ID", "1")
              .timeout(Duration.ofSeconds(10))
              .build();
      var response = http.send(request, HttpResponse.BodyHandlers.ofLines());
      assertThat(response.headers().firstValue("content-type"))
          .hasValue("text/event-stream; charset=utf-8");
      var lines = response.body().iterator();
      var ids = new ArrayList<String>();
      while (ids.size() < 2) {
        var line = lines.next();
        if (line.startsWith("id: ")) {
          ids.add(line.substring(4));
        }
      }
      stream.publish(new Payload.Note("note 4"));
      stream.close();
      var rest = new ArrayList<String>();
      lines.forEachRemaining(rest::add);

      assertThat(ids).containsExactly("2", "3");
      assertThat(rest).contains("id: 4", "event: end");
      assertThat(String.join("\n", rest)).contains("\"text\":\"note 4\"");
    }
  }

  @Test
  void aBrowserThatDoesNotRead_dropsEvents_andIsToldHowMany() throws Exception {
    var stream = EventStream.create();
    try (var view = LiveView.open(stream, 16);
        var socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress("127.0.0.1", view.url().getPort()));
      var out = socket.getOutputStream();
      out.write(
          ("GET " + view.url().getPath() + "events HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      awaitBrowsers(view, 1);
      int published = 100_000;
      long started = System.nanoTime();
      for (int i = 0; i < published; i++) {
        stream.publish(new Payload.Sample("throughput", "requests/s", i, 1000 + i));
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      stream.close();

      var reader =
          new BufferedReader(
              new InputStreamReader(
                  new ByteArrayInputStream(chunkedBody(socket.getInputStream())),
                  StandardCharsets.UTF_8));
      long received = 0;
      long dropped = 0;
      var gap = Pattern.compile("data: \\{\"dropped\":(\\d+)}");
      for (var line = reader.readLine();
          line != null && !line.equals("event: end");
          line = reader.readLine()) {
        if (line.startsWith("id: ")) {
          received++;
        }
        var matcher = gap.matcher(line);
        if (matcher.find()) {
          dropped += Long.parseLong(matcher.group(1));
        }
      }

      assertThat(dropped).as("events dropped for the slow browser").isPositive();
      assertThat(received + dropped).isEqualTo(published);
      assertThat(stream.history()).hasSize(published);
      assertThat(seconds).as("publishing, while the browser reads nothing").isLessThan(20);
    }
  }

  @Test
  void aQueueCapacityBelowOne_isRejected() {
    assertThatThrownBy(() -> LiveView.open(EventStream.create(), 0))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("queueCapacity must be at least 1, was 0");
  }

  /**
   * The body of the HTTP/1.1 response on {@code in}, its chunks joined: a chunk may end inside an
   * SSE line, so the lines are read only once the framing is gone.
   */
  private static byte[] chunkedBody(InputStream in) throws IOException {
    var input = new DataInputStream(new BufferedInputStream(in));
    var header = new StringBuilder();
    while (!header.toString().endsWith("\r\n\r\n")) {
      header.append((char) input.readUnsignedByte());
    }
    assertThat(header.toString().toLowerCase(Locale.ROOT)).contains("transfer-encoding: chunked");
    var body = new ByteArrayOutputStream();
    for (int size = chunkSize(input); size > 0; size = chunkSize(input)) {
      body.write(input.readNBytes(size));
      input.readUnsignedByte(); // CR
      input.readUnsignedByte(); // LF
    }
    return body.toByteArray();
  }

  private static int chunkSize(DataInputStream input) throws IOException {
    var line = new StringBuilder();
    for (int c = input.readUnsignedByte(); c != '\n'; c = input.readUnsignedByte()) {
      if (c != '\r') {
        line.append((char) c);
      }
    }
    return Integer.parseInt(line.toString().strip(), 16);
  }

  private static void awaitBrowsers(LiveView view, int browsers) {
    Poll.with(Backoff.fixed(Duration.ofMillis(10)).deadline(Duration.ofSeconds(10)))
        .until(browsers + " browser(s) following", () -> view.browsers() >= browsers);
  }
}
