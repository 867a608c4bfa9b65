package io.cncfdemo.internal.live;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.event.Event;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live page's HTTP server on 127.0.0.1: {@code /TOKEN/} the page, {@code /TOKEN/events} the
 * events as Server-Sent Events (the history after {@code Last-Event-ID} first), {@code
 * /TOKEN/events.jsonl} the history as a file, {@code /TOKEN/report} the saved HTML report; 403
 * without the token. Each browser has its own thread and bounded queue.
 */
public final class LiveServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LiveServer.class);
  private static final long PING_MILLIS = 1_000;
  private static final String CSP =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline';"
          + " img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'";

  private final EventStream stream;
  private final int queueCapacity;
  private final Token token = Token.random();
  private final HttpServer server;
  private final ExecutorService threads;
  private final AtomicInteger clients = new AtomicInteger();
  private volatile boolean stopping;

  /** Starts a server for {@code stream} on a free port of 127.0.0.1. */
  public LiveServer(EventStream stream, int queueCapacity) throws IOException {
    this.stream = stream;
    this.queueCapacity = queueCapacity;
    var count = new AtomicInteger();
    this.threads =
        Executors.newCachedThreadPool(
            runnable -> {
              var thread = new Thread(runnable, "cncfdemo-live-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            });
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The page's address, with the token: {@code http://127.0.0.1:PORT/TOKEN/}. */
  public URI url() {
    return URI.create(
        "http://127.0.0.1:" + server.getAddress().getPort() + "/" + token.value() + "/");
  }

  /** Browsers following the events now. */
  public int clients() {
    return clients.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var path = exchange.getRequestURI().getRawPath();
      if (!token.admits(path)) {
        send(exchange, 403, "text/plain", "403 forbidden: the address needs its token\n");
        return;
      }
      if (!exchange.getRequestMethod().equals("GET")) {
        send(exchange, 405, "text/plain", "405 only GET\n");
        return;
      }
      var rest = path.substring(token.value().length() + 1);
      switch (rest) {
        case "", "/" -> send(exchange, 200, "text/html; charset=utf-8", LivePage.html());
        case "/events" -> events(exchange);
        case "/events.jsonl" -> send(exchange, 200, "application/x-ndjson", jsonLines());
        case "/report" -> report(exchange);
        default -> send(exchange, 404, "text/plain", "404 not found\n");
      }
    } catch (IOException e) {
      LOG.debug("a browser went away: {}", e.toString());
    }
  }

  private String jsonLines() {
    var lines = new StringBuilder();
    for (var event : stream.history()) {
      lines.append(event.toJson()).append('\n');
    }
    return lines.toString();
  }

  private void report(HttpExchange exchange) throws IOException {
    @Nullable Path report = null;
    for (var event : stream.history()) {
      if (event.payload() instanceof Payload.ReportSaved saved) {
        report = Path.of(saved.path());
      }
    }
    if (report == null || !Files.isRegularFile(report)) {
      send(exchange, 404, "text/plain", "404 no report saved yet\n");
      return;
    }
    send(exchange, 200, "text/html; charset=utf-8", Files.readString(report));
  }

  private void events(HttpExchange exchange) throws IOException {
    long after = lastEventId(exchange.getRequestHeaders().getFirst("Last-Event-ID"));
    var queue = new ClientQueue(queueCapacity);
    var backlog = stream.follow(after, queue);
    clients.incrementAndGet();
    try {
      var headers = exchange.getResponseHeaders();
      headers.set("Content-Type", "text/event-stream; charset=utf-8");
      headers.set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(200, 0);
      var out = exchange.getResponseBody();
      write(out, "retry: 1000\n\n");
      for (var event : backlog) {
        write(out, frame(event));
      }
      out.flush();
      follow(queue, out);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      stream.unfollow(queue);
      clients.decrementAndGet();
    }
  }

  private void follow(ClientQueue queue, OutputStream out)
      throws IOException, InterruptedException {
    while (!stopping) {
      var event = queue.poll(PING_MILLIS);
      // read before the drops are taken: every drop the publisher counted before closing is then
      // reported below, and none can follow
      boolean closed = stream.isClosed();
      long dropped = queue.takeDropped();
      if (dropped > 0) {
        write(out, "event: gap\ndata: {\"dropped\":" + dropped + "}\n\n");
      }
      if (event == null) {
        if (closed && queue.isEmpty()) {
          write(out, "event: end\ndata: {}\n\n");
          out.flush();
          return;
        }
        write(out, ": ping\n\n");
      } else {
        write(out, frame(event));
        for (var next = queue.poll(0); next != null; next = queue.poll(0)) {
          write(out, frame(next));
        }
      }
      out.flush();
    }
  }

  private static long lastEventId(@Nullable String header) {
    if (header == null) {
      return 0;
    }
    try {
      return Math.max(0, Long.parseLong(header.strip()));
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static String frame(Event event) {
    return "id: " + event.id() + "\ndata: " + event.toJson() + "\n\n";
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange exchange, int status, String type, String body)
      throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    var headers = exchange.getResponseHeaders();
    headers.set("Content-Type", type);
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Referrer-Policy", "no-referrer");
    // nothing is fetched but the page's own events: no CDN, and a page that tried would break here
    headers.set("Content-Security-Policy", CSP);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** Stops serving: browsers are let go, the port is closed. */
  @Override
  public void close() {
    stopping = true;
    server.stop(0);
    threads.shutdownNow();
  }
}
