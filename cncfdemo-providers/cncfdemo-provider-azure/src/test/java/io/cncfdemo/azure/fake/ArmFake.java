package io.cncfdemo.azure.fake;

import com.azure.core.http.HttpClient;
import com.azure.core.http.okhttp.OkHttpAsyncHttpClientBuilder;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A stateful fake of Azure Resource Manager on 127.0.0.1 over HTTPS, for the resource types {@code
 * azure()} makes, shaped after the REST API: create-or-update PUTs (201 when new, 200 when it
 * existed; the same body gives the same resource), long-running operations as ARM runs them ({@code
 * Azure-AsyncOperation} for PUT and PATCH, with {@code provisioningState} {@code Creating}/{@code
 * Updating} until a later poll says {@code Succeeded} or {@code Failed}; {@code 202} with {@code
 * Location} for DELETE and actions), ARM error bodies ({@code {"error":{"code","message"}}}), 404
 * after delete, list pages of {@value #PAGE_SIZE} items with {@code nextLink}, {@code 429} with
 * {@code Retry-After} when asked, and a resource group's DELETE removing everything in it. Flexible
 * scale sets get their VMs, NICs, public IPs and OS disks as ARM makes them. Public DNS zones
 * ({@code Microsoft.Network/dnszones}, found with {@code $filter=resourceType eq '...'}) come with
 * their SOA and NS record sets; their record sets answer at once (PUT 201/200, DELETE 200, 204 when
 * absent), are listed by {@code .../recordsets} in pages, refuse a CNAME next to another type
 * (409), and are not listed among the group's resources. Every request is recorded.
 */
public final class ArmFake implements AutoCloseable {
  static final int PAGE_SIZE = 2;
  static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TAG_FILTER =
      Pattern.compile("tagName eq '([^']*)' and tagValue eq '([^']*)'");
  private static final Pattern TYPE_FILTER = Pattern.compile("resourceType eq '([^']*)'");
  private static final Pattern LOCATION_FILTER = Pattern.compile("location eq '([^']*)'");

  /**
   * One request as the fake received it.
   *
   * @param authorization the {@code Authorization} header, e.g. {@code Bearer <token>}
   */
  public record Request(
      String method, String path, String query, String body, String authorization) {
    /** Whether it could change anything: any method but GET and HEAD. */
    public boolean isWrite() {
      return !method.equals("GET") && !method.equals("HEAD");
    }
  }

  private final HttpsServer server;
  private final TestCertificate certificate;
  private final ArmState state;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private int throttled;

  private ArmFake(TestCertificate certificate) throws Exception {
    this.certificate = certificate;
    this.server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(certificate.serverContext()));
    server.setExecutor(Executors.newFixedThreadPool(4));
    this.state = new ArmState(() -> "https://127.0.0.1:" + server.getAddress().getPort());
    server.createContext("/", this::handle);
  }

  /** Starts a fake on a free port, with its certificate in {@code directory}. */
  public static ArmFake start(Path directory) throws Exception {
    var fake = new ArmFake(TestCertificate.generate(directory));
    fake.server.start();
    return fake;
  }

  /** The resource-manager endpoint, {@code https://127.0.0.1:<port>/}. */
  public URI endpoint() {
    return URI.create("https://127.0.0.1:" + server.getAddress().getPort() + "/");
  }

  /**
   * An HTTP client for the SDK (OkHttp, as in production) that trusts this fake's certificate and
   * nothing else.
   */
  public HttpClient httpClient() {
    try {
      var trust =
          javax.net.ssl.TrustManagerFactory.getInstance(
              javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
      trust.init(certificate.keyStore());
      var manager = (javax.net.ssl.X509TrustManager) trust.getTrustManagers()[0];
      return new OkHttpAsyncHttpClientBuilder(
              new okhttp3.OkHttpClient.Builder()
                  .sslSocketFactory(clientContext().getSocketFactory(), manager)
                  .build())
          .build();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Writes this fake's certificate as PEM, e.g. for curl's {@code CURL_CA_BUNDLE}. */
  public Path certificatePem(Path file) throws java.io.IOException {
    return certificate.writePem(file);
  }

  /** A TLS context that trusts this fake's certificate (and nothing else). */
  public javax.net.ssl.SSLContext clientContext() {
    try {
      return certificate.clientContext();
    } catch (java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public ArmState state() {
    return state;
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public List<Request> writes() {
    return requests.stream().filter(Request::isWrite).toList();
  }

  /** The next {@code count} requests get 429 Too Many Requests with {@code Retry-After: 1}. */
  public synchronized void throttle(int count) {
    throttled = count;
  }

  /** The long-running operation of the next PUT whose path matches fails, with this ARM error. */
  public void failNextPut(Predicate<String> path, String code, String message) {
    state.failNextPut(path, code, message);
  }

  /** What Run Command prints on a VM: {@code (vm name, script lines) -> stdout}. */
  public void onRunCommand(BiFunction<String, List<String>, String> handler) {
    state.onRunCommand(handler);
  }

  /** The custom data the scale set named {@code scaleSet} was last PUT with, decoded. */
  public Optional<String> customData(String scaleSet) {
    return state
        .customData(scaleSet)
        .map(b64 -> new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8));
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var method = exchange.getRequestMethod();
      var uri = exchange.getRequestURI();
      var path = uri.getPath();
      var rawQuery = uri.getRawQuery() == null ? "" : uri.getRawQuery();
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      var authorization = exchange.getRequestHeaders().getFirst("Authorization");
      requests.add(new Request(method, path, rawQuery, body, authorization));
      ArmState.Response response;
      if (takeThrottle()) {
        response =
            ArmState.Response.error(429, "TooManyRequests", "The request is being throttled.")
                .header("Retry-After", "1");
      } else if (authorization == null || !authorization.startsWith("Bearer ")) {
        response =
            ArmState.Response.error(
                401,
                "AuthenticationFailed",
                "Authentication failed. The 'Authorization'" + " header is missing.");
      } else {
        response = route(method, path, query(rawQuery), rawQuery, body);
      }
      send(exchange, response);
    } catch (RuntimeException e) {
      send(exchange, ArmState.Response.error(500, "InternalServerError", "fake: " + e));
      throw e;
    }
  }

  private synchronized boolean takeThrottle() {
    if (throttled > 0) {
      throttled--;
      return true;
    }
    return false;
  }

  private ArmState.Response route(
      String method, String path, Map<String, String> query, String rawQuery, String body) {
    var lower = path.toLowerCase(Locale.ROOT);
    var segments = path.substring(1).split("/");
    if (!lower.startsWith("/subscriptions/") || segments.length < 2) {
      return ArmState.Response.error(404, "NotFound", "no such path " + path);
    }
    var subscription = segments[1];
    var rest = lower.substring(("/subscriptions/" + subscription).length());
    var filter = Optional.ofNullable(query.get("$filter"));
    synchronized (state) {
      if (rest.equals("/locations")
          && method.equals("GET")) { // not pageable in the REST API: one answer
        var all = JSON.createObjectNode();
        state.locations(subscription).forEach(all.putArray("value")::add);
        return new ArmState.Response(200, all);
      }
      if (rest.equals("/providers/microsoft.compute/skus") && method.equals("GET")) {
        var location =
            filter
                .map(LOCATION_FILTER::matcher)
                .filter(java.util.regex.Matcher::find)
                .map(m -> m.group(1));
        return page(path, rawQuery, query, state.skus(location));
      }
      if (rest.matches("/providers/microsoft\\.compute/locations/[^/]+/usages")
          && method.equals("GET")) {
        return page(path, rawQuery, query, state.usages());
      }
      if (rest.matches("/providers/[^/]+/locations/[^/]+/operations/[^/]+")
          && method.equals("GET")) {
        return state.asyncOperation(segments[segments.length - 1]);
      }
      if (rest.matches("/providers/[^/]+/locations/[^/]+/operationresults/[^/]+")
          && method.equals("GET")) {
        return state.operationResult(segments[segments.length - 1]);
      }
      if (rest.matches("/providers/[^/]+") && method.equals("GET")) {
        return state.provider(segments[3]);
      }
      if (rest.equals("/resources") && method.equals("GET")) {
        var type = filter.map(TYPE_FILTER::matcher).filter(java.util.regex.Matcher::find);
        if (type.isPresent()) {
          var wanted = type.get().group(1).toLowerCase(Locale.ROOT);
          return page(
              path,
              rawQuery,
              query,
              state.list(r -> true, Optional.empty()).stream()
                  .filter(r -> r.path("type").asText().toLowerCase(Locale.ROOT).equals(wanted))
                  .toList());
        }
        return page(path, rawQuery, query, state.list(r -> true, tag(filter)));
      }
      if (rest.matches(
              "/resourcegroups/[^/]+/providers/microsoft\\.network/dnszones/[^/]+/recordsets")
          && method.equals("GET")) {
        var zone = path.substring(0, path.length() - "/recordsets".length());
        return state
            .recordSets(zone)
            .map(sets -> page(path, rawQuery, query, sets))
            .orElseGet(
                () ->
                    ArmState.Response.error(
                        404,
                        "ResourceNotFound",
                        "The Resource 'Microsoft.Network/dnszones/"
                            + zone.substring(zone.lastIndexOf('/') + 1)
                            + "' was not found."));
      }
      if (rest.equals("/resourcegroups") && method.equals("GET")) {
        return page(path, rawQuery, query, state.resourceGroups(tag(filter)));
      }
      if (rest.matches("/resourcegroups/[^/]+")) {
        return state.resourceGroup(method, path, body);
      }
      if (rest.matches("/resourcegroups/[^/]+/resources") && method.equals("GET")) {
        var group = ArmState.key(path.substring(0, path.length() - "/resources".length())) + "/";
        return page(path, rawQuery, query, state.list(r -> r.startsWith(group), tag(filter)));
      }
      if (rest.matches(
              "/resourcegroups/[^/]+/providers/microsoft\\.compute/virtualmachines/[^/]+/runcommand")
          && method.equals("POST")) {
        return state.runCommand(path.substring(0, path.length() - "/runCommand".length()), body);
      }
      if (rest.matches(
          "/resourcegroups/[^/]+/providers/.+/providers/microsoft\\.resources/tags/default")) {
        return state.tags(
            method,
            path.substring(
                0, path.length() - "/providers/Microsoft.Resources/tags/default".length()),
            body);
      }
      if (rest.matches("/resourcegroups/[^/]+/providers/[^/]+/[^/]+") && method.equals("GET")) {
        var prefix = ArmState.key(path) + "/";
        return page(
            path,
            rawQuery,
            query,
            state.list(
                r -> r.startsWith(prefix) && r.substring(prefix.length()).indexOf('/') < 0,
                Optional.empty()));
      }
      if (rest.matches("/resourcegroups/[^/]+/providers/.+")) {
        return state.resource(method, path, body);
      }
    }
    return ArmState.Response.error(404, "NotFound", "the fake serves no " + method + " " + path);
  }

  private static Optional<Map.Entry<String, String>> tag(Optional<String> filter) {
    return filter
        .map(TAG_FILTER::matcher)
        .filter(java.util.regex.Matcher::find)
        .map(m -> Map.entry(m.group(1), m.group(2)));
  }

  /** One page of a list, with a nextLink to the next when there is more. */
  private ArmState.Response page(
      String path, String rawQuery, Map<String, String> query, List<JsonNode> items) {
    int skip = Integer.parseInt(query.getOrDefault("$skiptoken", "0"));
    var page = JSON.createObjectNode();
    ArrayNode value = page.putArray("value");
    items
        .subList(Math.min(skip, items.size()), Math.min(skip + PAGE_SIZE, items.size()))
        .forEach(value::add);
    if (skip + PAGE_SIZE < items.size()) {
      var kept = new ArrayList<String>();
      for (var part : rawQuery.split("&")) {
        if (!part.isEmpty()
            && !part.startsWith("$skiptoken=")
            && !part.startsWith("%24skiptoken=")) {
          kept.add(part);
        }
      }
      kept.add("$skiptoken=" + (skip + PAGE_SIZE));
      page.put("nextLink", endpoint().resolve(path).toString() + "?" + String.join("&", kept));
    }
    return new ArmState.Response(200, page);
  }

  private static Map<String, String> query(String rawQuery) {
    var out = new java.util.LinkedHashMap<String, String>();
    for (var part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      var name = URLDecoder.decode(eq < 0 ? part : part.substring(0, eq), StandardCharsets.UTF_8);
      var value = eq < 0 ? "" : URLDecoder.decode(part.substring(eq + 1), StandardCharsets.UTF_8);
      out.put(name, value);
    }
    return out;
  }

  private static void send(HttpExchange exchange, ArmState.Response response) throws IOException {
    response.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
    exchange.getResponseHeaders().add("x-ms-request-id", java.util.UUID.randomUUID().toString());
    if (response.body() == null) {
      exchange.sendResponseHeaders(response.status(), -1);
      return;
    }
    var bytes = JSON.writeValueAsBytes(response.body());
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    exchange.sendResponseHeaders(response.status(), bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  /** An empty JSON object, e.g. to seed a resource. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }
}
