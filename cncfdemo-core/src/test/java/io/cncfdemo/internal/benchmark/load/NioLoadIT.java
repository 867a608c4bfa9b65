package io.cncfdemo.internal.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.ResultStore;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

/** The event-loop generator against JDK HTTP servers that frame their responses differently. */
class NioLoadIT {
  private static final LoadContext CONTEXT =
      new LoadContext() {
        @Override
        public String runId() {
          return "test";
        }

        @Override
        public Optional<ResultStore> resultStore() {
          return Optional.empty();
        }

        @Override
        public void loadStarted() {}

        @Override
        public void progress(OptionalDouble requestsPerSecond, long errors) {}
      };

  static {
    // with Nagle's algorithm the JDK server's small writes wait for the client's delayed ACKs
    System.setProperty("sun.net.httpserver.nodelay", "true");
  }

  /** A server on 127.0.0.1 that answers /chunked in chunks, /close with Connection: close. */
  private static final class Server implements AutoCloseable {
    final HttpServer server;
    final AtomicLong requests = new AtomicLong();

    Server(Duration delay) throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
      server.setExecutor(Executors.newFixedThreadPool(4));
      server.createContext(
          "/",
          exchange -> {
            try (exchange) {
              requests.incrementAndGet();
              LockSupport.parkNanos(delay.toNanos());
              var body = "x".repeat(3000).getBytes(StandardCharsets.US_ASCII);
              var path = exchange.getRequestURI().getPath();
              if (path.startsWith("/close")) {
                exchange.getResponseHeaders().set("Connection", "close");
              }
              exchange.sendResponseHeaders(200, path.startsWith("/chunked") ? 0 : body.length);
              for (int i = 0; i < body.length; i += 1000) {
                exchange.getResponseBody().write(body, i, 1000);
                exchange.getResponseBody().flush();
              }
            }
          });
      server.start();
    }

    URI url(String path) {
      return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    @Override
    public void close() {
      server.stop(0);
      ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
  }

  @Test
  void chunkedResponses_andServersClosingTheConnection_areReadWhole() throws IOException {
    try (var server = new Server(Duration.ZERO)) {
      for (var path : new String[] {"/chunked", "/close"}) {
        long before = server.requests.get();
        var figures =
            new ConstantRateGenerator(server.url(path))
                .run(
                    HttpLoad.of(Duration.ofSeconds(1)).connections(4).threads(2).rate(100),
                    CONTEXT);

        assertThat(figures.errors().total()).as(path).isZero();
        assertThat(figures.requests()).as(path).isEqualTo(server.requests.get() - before);
        assertThat(figures.requests()).as(path).isBetween(90L, 110L);
        assertThat(figures.bytes()).as(path).isGreaterThan(figures.requests() * 3000);
      }
    }
  }

  @Test
  void responsesSlowerThanTheTimeout_countAsTimeouts_withTheirLatency() throws IOException {
    try (var server = new Server(Duration.ofMillis(400))) {
      var figures =
          new ConstantRateGenerator(server.url("/"))
              .run(
                  HttpLoad.of(Duration.ofSeconds(1))
                      .connections(2)
                      .threads(1)
                      .rate(4)
                      .timeout(Duration.ofMillis(100)),
                  CONTEXT);

      assertThat(figures.errors().timeout()).isEqualTo(figures.requests()).isPositive();
      assertThat(figures.uncorrectedLatency().orElseThrow().p50Ms()).isBetween(100.0, 150.0);
    }
  }
}
