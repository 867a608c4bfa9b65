package io.cncfdemo.benchmark;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Check;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A tiny HTTP server on 127.0.0.1 that answers every request at once with a short JSON body, and
 * can be told to stall (every response waits until the stall ends, like a process frozen by a long
 * GC pause) or to fail (503) for a while: the target of the benchmark's tests and examples, and a
 * way to try a benchmark and its report without a cluster. It counts requests by their first path
 * segment ({@code /i}, {@code /o}, ...), like Countly's write and read APIs.
 */
public final class LoopbackTarget implements AutoCloseable {
  private static final byte[] OK = "{\"result\":\"Success\"}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] UNAVAILABLE =
      "{\"result\":\"Unavailable\"}".getBytes(StandardCharsets.UTF_8);
  private final HttpServer server;
  private final ExecutorService executor;
  private final LongAdder requests = new LongAdder();
  private final Map<String, LongAdder> byPath = new ConcurrentHashMap<>();
  private volatile long stallUntil = System.nanoTime();
  private volatile long failUntil = System.nanoTime();

  static {
    // the JDK server writes headers and body in two packets; with Nagle's algorithm on, the
    // client's delayed ACK then
    // adds 40 ms to every response. Read once, when the server's configuration class loads.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
  }

  private LoopbackTarget(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts a target on a free port of 127.0.0.1. */
  public static LoopbackTarget start() {
    try {
      var server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
      var count = new AtomicInteger();
      var executor =
          Executors.newCachedThreadPool(
              task -> {
                var thread =
                    new Thread(task, "cncfdemo-loopback-target-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
              });
      var target = new LoopbackTarget(server, executor);
      server.createContext("/", target::answer);
      server.setExecutor(executor);
      server.start();
      return target;
    } catch (IOException e) {
      throw new CncfDemoException(
          "could not start an HTTP server on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  /** Its URL, e.g. {@code http://127.0.0.1:40123/}. */
  public URI url() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * From now on, for {@code duration} (1 ms to 1 hour), every response waits until the stall is
   * over.
   */
  public void stallFor(Duration duration) {
    stallUntil =
        System.nanoTime()
            + Check.between("duration", duration, Duration.ofMillis(1), Duration.ofHours(1))
                .toNanos();
  }

  /**
   * From now on, for {@code duration} (1 ms to 1 hour), every request is answered 503 Service
   * Unavailable.
   */
  public void failFor(Duration duration) {
    failUntil =
        System.nanoTime()
            + Check.between("duration", duration, Duration.ofMillis(1), Duration.ofHours(1))
                .toNanos();
  }

  /** Requests answered so far. */
  public long requests() {
    return requests.sum();
  }

  /**
   * Requests answered so far whose path starts with {@code /segment}, e.g. {@code requests("i")}.
   */
  public long requests(String segment) {
    var count = byPath.get(segment);
    return count == null ? 0 : count.sum();
  }

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      long wait;
      while ((wait = stallUntil - System.nanoTime()) > 0) {
        LockSupport.parkNanos(wait);
      }
      requests.increment();
      var path = exchange.getRequestURI().getPath();
      var segment = path.length() <= 1 ? "" : path.substring(1).split("/", 2)[0];
      byPath.computeIfAbsent(segment, s -> new LongAdder()).increment();
      boolean failing = failUntil - System.nanoTime() > 0;
      var body = failing ? UNAVAILABLE : OK;
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(failing ? 503 : 200, body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
