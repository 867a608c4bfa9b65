package io.cncfdemo.internal.benchmark.results;

import io.cncfdemo.exception.CncfDemoException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * An {@link HttpEndpoint} at a URL this JVM reaches, e.g. {@code http://127.0.0.1:9091}, with the
 * JDK's client.
 */
public final class DirectEndpoint implements HttpEndpoint {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(TIMEOUT).version(HttpClient.Version.HTTP_1_1).build();
  private final String base;

  public DirectEndpoint(URI base) {
    var text = base.toString();
    this.base = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
  }

  @Override
  public String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(TIMEOUT).GET().build());
  }

  @Override
  public void put(String path, String contentType, String body) {
    send(
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(TIMEOUT)
            .header("Content-Type", contentType)
            .PUT(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  private String send(HttpRequest request) {
    try {
      var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 400) {
        throw new CncfDemoException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + ": "
                + response.body().strip());
      }
      return response.body();
    } catch (IOException e) {
      throw new CncfDemoException(request.method() + " " + request.uri() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException(
          "interrupted during " + request.method() + " " + request.uri(), e);
    }
  }

  @Override
  public String describe() {
    return base;
  }
}
