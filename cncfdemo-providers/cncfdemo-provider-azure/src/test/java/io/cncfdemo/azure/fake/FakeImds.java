package io.cncfdemo.azure.fake;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A fake of the Azure instance metadata service on 127.0.0.1 (plain HTTP, as the real one at
 * 169.254.169.254), for the node scripts: managed-identity tokens ({@code
 * /metadata/identity/oauth2/token}, header {@code Metadata: true} required, as the real one
 * requires it) and the VM's own resource id ({@code /metadata/instance/compute/resourceId}). Which
 * VM it answers for is set by the test.
 */
public final class FakeImds implements AutoCloseable {
  private final HttpServer server;
  private final List<String> tokenClients = new CopyOnWriteArrayList<>();
  private volatile String vmId = "";

  private FakeImds() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/metadata/", this::handle);
  }

  public static FakeImds start() throws IOException {
    var imds = new FakeImds();
    imds.server.start();
    return imds;
  }

  /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** From now on the metadata describe this VM (its ARM resource id). */
  public void as(String resourceId) {
    this.vmId = resourceId;
  }

  /** The client ids tokens were asked for, in order. */
  public List<String> tokenClients() {
    return List.copyOf(tokenClients);
  }

  /** The token the fake gives the identity with this client id. */
  public static String token(String clientId) {
    return "imds-token-for-" + clientId;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var uri = exchange.getRequestURI();
      String answer;
      int status = 200;
      if (!"true".equals(exchange.getRequestHeaders().getFirst("Metadata"))) {
        status = 400;
        answer =
            "{\"error\":\"invalid_request\",\"error_description\":\"Required metadata header not"
                + " specified\"}";
      } else if (uri.getPath().equals("/metadata/identity/oauth2/token")) {
        var clientId = parameter(uri, "client_id");
        tokenClients.add(clientId);
        answer =
            "{\"access_token\":\""
                + token(clientId)
                + "\",\"expires_in\":\"3599\",\"token_type\":\"Bearer\","
                + "\"resource\":\"https://management.azure.com/\",\"client_id\":\""
                + clientId
                + "\"}";
      } else if (uri.getPath().equals("/metadata/instance/compute/resourceId")) {
        answer = vmId;
      } else {
        status = 404;
        answer = "{\"error\":\"Not found\"}";
      }
      var bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
    }
  }

  private static String parameter(URI uri, String name) {
    for (var part : uri.getRawQuery().split("&")) {
      if (part.startsWith(name + "=")) {
        return java.net.URLDecoder.decode(
            part.substring(name.length() + 1), StandardCharsets.UTF_8);
      }
    }
    return "";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
