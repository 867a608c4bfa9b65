package io.cncfdemo.gcp.fake;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A stateful fake of the Compute Engine v1, Cloud DNS v1, IAM v1 (service accounts) and Resource
 * Manager v1 (the project's IAM policy; see {@link IamState}) REST APIs on 127.0.0.1 (plain HTTP),
 * for the resources {@code gcp()} makes, shaped after their discovery documents: inserts and
 * deletes answer with a zonal, regional or global {@code Operation} that goes {@code PENDING},
 * {@code RUNNING}, {@code DONE} over the client's polls (with an {@code error} when a test injects
 * a failure, or when a delete finds the resource still in use), {@code 409 alreadyExists} on a
 * duplicate insert, {@code 404 notFound} after delete, lists of {@value #PAGE_SIZE} items a page
 * with {@code nextPageToken}, {@code 429 rateLimitExceeded} when asked (and IAM's own {@code 429
 * RESOURCE_EXHAUSTED}, see {@link IamState#throttle}). Managed instance groups get their instances
 * and boot disks as Compute Engine makes them. Every request is recorded.
 */
public final class GcpFake implements AutoCloseable {
  public static final int PAGE_SIZE = 2;
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(GcpFake.class);
  static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

  /** One request as the fake received it. */
  public record Request(String method, String path, String query, String body) {
    /**
     * Whether it could change anything: any method but GET, and no read-only POST
     * (listManagedInstances, getIamPolicy).
     */
    public boolean isWrite() {
      return !method.equals("GET")
          && !path.endsWith("/listManagedInstances")
          && !path.endsWith(":getIamPolicy");
    }

    /** An insert of a Compute Engine resource or a Cloud DNS zone or change. */
    public boolean isInsert() {
      return method.equals("POST") && isWrite();
    }
  }

  private final HttpServer server;
  private final ComputeState compute;
  private final DnsState dns;
  private final IamState iam;
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final AtomicInteger throttled = new AtomicInteger();

  private GcpFake(String project) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newFixedThreadPool(4));
    compute = new ComputeState(project, this::url);
    dns = new DnsState(project);
    iam = new IamState(project);
    server.createContext("/", this::handle);
  }

  /**
   * Starts a fake of one project, on a free port, knowing zones us-central1-a/b/c and
   * europe-west4-a/b.
   */
  public static GcpFake start(String project) throws IOException {
    var fake = new GcpFake(project);
    fake.server.start();
    return fake;
  }

  /** The Compute Engine endpoint, e.g. {@code http://127.0.0.1:PORT}. */
  public URI computeEndpoint() {
    return URI.create(url());
  }

  /** The Cloud DNS root URL, e.g. {@code http://127.0.0.1:PORT/}. */
  public URI dnsRootUrl() {
    return URI.create(url() + "/");
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  public void clearRequests() {
    requests.clear();
  }

  /** The next {@code count} requests get {@code 429 rateLimitExceeded}. */
  public void throttle(int count) {
    throttled.set(count);
  }

  public ComputeState compute() {
    return compute;
  }

  public DnsState dns() {
    return dns;
  }

  public IamState iam() {
    return iam;
  }

  /** The IAM and Resource Manager root URL, e.g. {@code http://127.0.0.1:PORT/}. */
  public URI identityRootUrl() {
    return URI.create(url() + "/");
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      var uri = exchange.getRequestURI();
      var raw = exchange.getRequestBody().readAllBytes();
      if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
        raw =
            new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(raw)).readAllBytes();
      }
      var body = new String(raw, StandardCharsets.UTF_8);
      var request =
          new Request(exchange.getRequestMethod(), uri.getRawPath(), uri.getRawQuery(), body);
      requests.add(request);
      Response response;
      if (throttled.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        response = Response.error(429, "rateLimitExceeded", "Rate Limit Exceeded");
      } else {
        var query = query(uri.getRawQuery());
        var json =
            body.isBlank() ? new JsonObject() : JsonParser.parseString(body).getAsJsonObject();
        var path = URLDecoder.decode(uri.getRawPath(), StandardCharsets.UTF_8);
        if (path.startsWith(ComputeState.ROOT)) {
          response =
              compute.handle(
                  request.method(), path.substring(ComputeState.ROOT.length()), query, json);
        } else if (path.startsWith(DnsState.ROOT)) {
          response =
              dns.handle(request.method(), path.substring(DnsState.ROOT.length()), query, json);
        } else if (path.startsWith(IamState.ROOT)) {
          response =
              iam.handle(request.method(), path.substring(IamState.ROOT.length()), query, json);
        } else {
          response = Response.error(404, "notFound", "no such API: " + path);
        }
      }
      if (response.body() == null) {
        exchange.sendResponseHeaders(response.status(), -1);
        return;
      }
      var bytes = GSON.toJson(response.body()).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
      exchange.sendResponseHeaders(response.status(), bytes.length);
      exchange.getResponseBody().write(bytes);
    } catch (RuntimeException e) {
      LOG.error("the fake could not answer", e);
      throw e;
    }
  }

  private static Map<String, String> query(String raw) {
    var out = new LinkedHashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (var pair : raw.split("&")) {
      var eq = pair.indexOf('=');
      var key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
    }
    return out;
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  /** A status and a JSON body. */
  record Response(int status, JsonElement body) {
    static Response ok(JsonElement body) {
      return new Response(200, body);
    }

    /**
     * The error body of Google APIs: {@code
     * {"error":{"code","message","errors":[{"reason","message","domain"}]}}}.
     */
    static Response error(int status, String reason, String message) {
      var detail = new JsonObject();
      detail.addProperty("reason", reason);
      detail.addProperty("message", message);
      detail.addProperty("domain", "global");
      var errors = new com.google.gson.JsonArray();
      errors.add(detail);
      var error = new JsonObject();
      error.addProperty("code", status);
      error.addProperty("message", message);
      error.add("errors", errors);
      var body = new JsonObject();
      body.add("error", error);
      return new Response(status, body);
    }
  }
}
