package io.cncfdemo.internal.benchmark.results;

import io.cncfdemo.exception.CncfDemoException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * An {@link HttpEndpoint} inside a cluster, a Service's port reached through the API server's
 * service proxy ({@code /api/v1/namespaces/NS/services/http:NAME:PORT/proxy/...}) with the cluster
 * client's credentials: no port forward, no Ingress, and it works from anywhere the API server
 * does.
 */
public final class ServiceProxyEndpoint implements HttpEndpoint {
  private static final long TIMEOUT_SECONDS = 30;
  private final KubernetesClient client;
  private final String namespace;
  private final String service;
  private final int port;

  public ServiceProxyEndpoint(KubernetesClient client, String namespace, String service, int port) {
    this.client = client;
    this.namespace = namespace;
    this.service = service;
    this.port = port;
  }

  @Override
  public String get(String path) {
    return send(
        client.getHttpClient().newHttpRequestBuilder().uri(url(path)).build(), "GET " + path);
  }

  @Override
  public void put(String path, String contentType, String body) {
    send(
        client
            .getHttpClient()
            .newHttpRequestBuilder()
            .uri(url(path))
            .put(contentType, body)
            .build(),
        "PUT " + path);
  }

  private String url(String path) {
    var master = client.getConfiguration().getMasterUrl();
    return (master.endsWith("/") ? master : master + "/")
        + "api/v1/namespaces/"
        + namespace
        + "/services/http:"
        + service
        + ":"
        + port
        + "/proxy"
        + path;
  }

  private String send(HttpRequest request, String what) {
    try {
      var response =
          client
              .getHttpClient()
              .sendAsync(request, String.class)
              .get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      if (response.code() >= 400) {
        throw new CncfDemoException(
            what
                + " on "
                + describe()
                + " answered "
                + response.code()
                + ": "
                + String.valueOf(response.body()).strip());
      }
      return response.body();
    } catch (ExecutionException | TimeoutException e) {
      throw new CncfDemoException(what + " on " + describe() + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted during " + what + " on " + describe(), e);
    }
  }

  @Override
  public String describe() {
    return "service " + namespace + "/" + service + ":" + port + " (through the API server)";
  }
}
