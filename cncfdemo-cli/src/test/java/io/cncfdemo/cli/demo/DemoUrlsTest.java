package io.cncfdemo.cli.demo;

import static io.cncfdemo.apps.Apps.countly;
import static io.cncfdemo.apps.Apps.mongoSharded;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.Demo;
import io.cncfdemo.cli.demo.DemoUrls.State;
import io.cncfdemo.cli.demo.DemoUrls.Url;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@code cncfdemo start} prints about the demo's URLs, against an HTTP server on 127.0.0.1
 * reached by a name under {@code localhost}, as a browser would reach the ingress controller.
 */
class DemoUrlsTest {
  private static final DemoUrls URLS =
      new DemoUrls(new HttpProbe(Duration.ofSeconds(2)), Duration.ofMillis(50));
  private HttpServer server;
  private final List<String> hosts = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/",
        exchange -> {
          hosts.add(exchange.getRequestHeaders().getFirst("Host"));
          int status =
              requests.incrementAndGet() <= 2 && exchange.getRequestURI().getPath().equals("/slow/")
                  ? 503
                  : 200;
          exchange.sendResponseHeaders(status, -1);
          exchange.close();
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private URI url(String host, String path) {
    return URI.create("http://" + host + ":" + server.getAddress().getPort() + path);
  }

  @Test
  void await_aUrlThatAnswers_saysSo_andSentItsHostAsABrowserWould() {
    var countly = url("countly.cncfdemo.localhost", "/");

    var found = URLS.await(List.of(countly), Duration.ofSeconds(5));

    assertThat(found).containsExactly(new Url(countly, State.ANSWERS, "HTTP 200"));
    assertThat(found.get(0).line()).isEqualTo(countly + "  answers (HTTP 200)");
    assertThat(hosts)
        .containsExactly("countly.cncfdemo.localhost:" + server.getAddress().getPort());
  }

  @Test
  void await_waitsWhileTheApplicationAnswers5xx_untilItAnswers() {
    var slow = url("grafana.localhost", "/slow/");

    var found = URLS.await(List.of(slow), Duration.ofSeconds(5));

    assertThat(found).containsExactly(new Url(slow, State.ANSWERS, "HTTP 200"));
    assertThat(requests).hasValue(3);
  }

  @Test
  void await_aUrlNothingServes_isNotAnsweringYet_afterTheTimeout() throws IOException {
    int closed;
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closed = socket.getLocalPort();
    }
    var nowhere = URI.create("http://countly.localhost:" + closed + "/");
    var answering = url("grafana.localhost", "/");
    long started = System.nanoTime();

    var found = URLS.await(List.of(nowhere, answering), Duration.ofMillis(500));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(3));
    assertThat(found)
        .containsExactly(
            new Url(nowhere, State.NOT_YET, "connection refused"),
            new Url(answering, State.ANSWERS, "HTTP 200"));
    assertThat(found.get(0).line()).isEqualTo(nowhere + "  not answering yet (connection refused)");
  }

  @Test
  void of_theDemo_isOneUrlPerIngressHost_andUnservedOnSimulatedNodes() {
    var compiled = Demo.with(countly(), mongoSharded(1)).domain("demo.example.org").compile();

    var urls = DemoUrls.of(compiled);

    assertThat(urls)
        .containsExactlyInAnyOrder(
            URI.create("http://countly.demo.example.org/"),
            URI.create("http://grafana.demo.example.org/"));
    assertThat(DemoUrls.unserved(List.of(URI.create("http://countly.localhost/"))).get(0).line())
        .isEqualTo(
            "http://countly.localhost/  not served (the cluster's nodes are simulated: no"
                + " container runs to serve it)");
    assertThat(DemoUrls.json(URLS.await(List.of(), Duration.ofMillis(100)))).isEmpty();
  }
}
