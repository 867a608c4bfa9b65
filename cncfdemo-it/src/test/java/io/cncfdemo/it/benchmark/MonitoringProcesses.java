package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Pushgateway and a real Prometheus (Debian's packages) on free 127.0.0.1 ports, with their
 * data in a temporary directory: Prometheus scrapes the Pushgateway every second with {@code
 * honor_labels: true}, as the demo's does. Closing stops both and removes the directory.
 */
final class MonitoringProcesses implements AutoCloseable {
  private static final Duration READY = Duration.ofSeconds(30);
  private final Path directory;
  private final List<Process> processes = new ArrayList<>();
  private final int pushgatewayPort;
  private final int prometheusPort;

  private MonitoringProcesses(Path directory, int pushgatewayPort, int prometheusPort) {
    this.directory = directory;
    this.pushgatewayPort = pushgatewayPort;
    this.prometheusPort = prometheusPort;
  }

  static MonitoringProcesses start() throws IOException, InterruptedException {
    var pushgateway = BenchmarkTools.require("prometheus-pushgateway");
    var prometheus = BenchmarkTools.require("prometheus");
    var directory = Files.createTempDirectory("cncfdemo-monitoring");
    var started = new MonitoringProcesses(directory, freePort(), freePort());
    try {
      var config =
          Files.writeString(
              directory.resolve("prometheus.yml"),
              """
              global:
                scrape_interval: 1s
                evaluation_interval: 1s
              scrape_configs:
                - job_name: pushgateway
                  honor_labels: true
                  static_configs:
                    - targets: ['127.0.0.1:%d']
              """
                  .formatted(started.pushgatewayPort));
      started.launch(
          List.of(
              pushgateway.toString(), "--web.listen-address=127.0.0.1:" + started.pushgatewayPort),
          "pushgateway.log");
      started.launch(
          List.of(
              prometheus.toString(),
              "--config.file=" + config,
              "--storage.tsdb.path=" + directory.resolve("data"),
              "--web.listen-address=127.0.0.1:" + started.prometheusPort),
          "prometheus.log");
      started.awaitReady(started.pushgateway());
      started.awaitReady(started.prometheus());
      return started;
    } catch (IOException | InterruptedException | RuntimeException | AssertionError e) {
      started.close();
      throw e;
    }
  }

  URI pushgateway() {
    return URI.create("http://127.0.0.1:" + pushgatewayPort);
  }

  URI prometheus() {
    return URI.create("http://127.0.0.1:" + prometheusPort);
  }

  /** What the Pushgateway holds now, in its text format. */
  String pushgatewayMetrics() throws IOException, InterruptedException {
    return get(pushgateway().resolve("/metrics")).body();
  }

  private void launch(List<String> command, String log) throws IOException {
    processes.add(
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(directory.resolve(log).toFile())
            .start());
  }

  private void awaitReady(URI base) throws InterruptedException, IOException {
    long deadline = System.nanoTime() + READY.toNanos();
    while (System.nanoTime() < deadline) {
      try {
        if (get(base.resolve("/-/ready")).statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      for (var process : processes) {
        if (!process.isAlive()) {
          fail("%s ended at once:%n%s", process.info().command().orElse("?"), logs());
        }
      }
      Thread.sleep(200);
    }
    fail("%s was not ready within %d s:%n%s", base, READY.toSeconds(), logs());
  }

  private String logs() throws IOException {
    var out = new StringBuilder();
    try (var files = Files.list(directory)) {
      for (var log : files.filter(file -> file.toString().endsWith(".log")).toList()) {
        out.append("--- ").append(log.getFileName()).append('\n').append(Files.readString(log));
      }
    }
    return out.toString();
  }

  private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(5)).build(),
            HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws IOException, InterruptedException {
    for (var process : processes) {
      process.destroy();
    }
    for (var process : processes) {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    }
    BenchmarkTools.deleteTree(directory);
  }
}
