package io.cncfdemo.apps.countly;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Countly's dashboard and API, and the Kubernetes API's one Secret, on 127.0.0.1, answering as
 * recorded from Countly 25.05 ({@code /setup} with its CSRF token and session cookie, {@code
 * /api-key} with basic auth, {@code /o/apps/mine}, {@code /i/apps/create}) and from the API server
 * (GET and merge-PATCH of a Secret).
 */
final class FakeCountly implements AutoCloseable {
  static final String TOKEN = "service-account-token";
  static final String CSRF = "Xk2u9-csrf";
  static final String SESSION = "connect.sid=s%3Asession42";
  static final String API_KEY = "0f1e2d3c4b5a69788796a5b4c3d2e1f0";
  static final String APP_KEY = "a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4";
  static final String APP_ID = "65f0c0ffee0123456789abcd";

  private final HttpServer server;
  final Map<String, String> users = new LinkedHashMap<>();
  final Map<String, String> apps = new LinkedHashMap<>();
  final Map<String, String> secretData = new LinkedHashMap<>();
  final List<String> requests = Collections.synchronizedList(new ArrayList<>());

  FakeCountly() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    var method = exchange.getRequestMethod();
    var path = exchange.getRequestURI().getPath();
    var query = query(exchange.getRequestURI().getRawQuery());
    var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(method + " " + path);
    try {
      if (path.startsWith("/api/v1/namespaces/cncfdemo/secrets/countly-keys")) {
        secret(exchange, method, body);
      } else if (path.equals("/ping") || path.equals("/o/ping")) {
        send(exchange, 200, "{\"result\":\"Success\"}");
      } else if (path.equals("/setup") && method.equals("GET")) {
        if (users.isEmpty()) {
          exchange.getResponseHeaders().add("Set-Cookie", SESSION + "; Path=/; HttpOnly");
          send(
              exchange,
              200,
              "<form method=\"post\"><input type=\"hidden\" name=\"_csrf\" value=\""
                  + CSRF
                  + "\"></form>");
        } else {
          exchange.getResponseHeaders().add("Location", "/login");
          send(exchange, 302, "Found. Redirecting to /login");
        }
      } else if (path.equals("/setup")) {
        var form = query(body);
        var cookie = exchange.getRequestHeaders().getFirst("Cookie");
        if (!users.isEmpty()
            || !CSRF.equals(form.get("_csrf"))
            || cookie == null
            || !cookie.contains(SESSION)
            || form.get("email") == null) {
          send(exchange, 403, "invalid csrf token");
          return;
        }
        users.put(form.get("username"), form.get("password"));
        exchange.getResponseHeaders().add("Location", "/dashboard");
        send(exchange, 302, "Found. Redirecting to /dashboard");
      } else if (path.equals("/api-key")) {
        var auth = exchange.getRequestHeaders().getFirst("Authorization");
        var credentials =
            auth == null
                ? ""
                : new String(
                    Base64.getDecoder().decode(auth.substring("Basic ".length())),
                    StandardCharsets.UTF_8);
        var colon = credentials.indexOf(':');
        var ok =
            colon > 0
                && credentials
                    .substring(colon + 1)
                    .equals(users.get(credentials.substring(0, colon)));
        send(exchange, ok ? 200 : 401, ok ? API_KEY : "-1");
      } else if (path.equals("/o/apps/mine") && API_KEY.equals(query.get("api_key"))) {
        var adminOf = new StringBuilder();
        apps.forEach(
            (name, id) ->
                adminOf
                    .append(adminOf.length() == 0 ? "" : ",")
                    .append('"')
                    .append(id)
                    .append("\":{\"_id\":\"")
                    .append(id)
                    .append("\",\"name\":\"")
                    .append(name)
                    .append("\",\"key\":\"")
                    .append(APP_KEY)
                    .append("\"}"));
        send(exchange, 200, "{\"admin_of\":{" + adminOf + "},\"user_of\":{}}");
      } else if (path.equals("/i/apps/create") && API_KEY.equals(query.get("api_key"))) {
        Matcher name =
            Pattern.compile("\"name\":\"([^\"]+)\"").matcher(query.getOrDefault("args", ""));
        if (!name.find()) {
          send(exchange, 400, "{\"result\":\"Missing parameter \\\"name\\\"\"}");
          return;
        }
        apps.put(name.group(1), APP_ID);
        send(
            exchange,
            200,
            "{\"_id\":\""
                + APP_ID
                + "\",\"name\":\""
                + name.group(1)
                + "\",\"key\":\""
                + APP_KEY
                + "\"}");
      } else {
        send(exchange, 400, "{\"result\":\"Invalid path\"}");
      }
    } finally {
      exchange.close();
    }
  }

  private void secret(HttpExchange exchange, String method, String body) throws IOException {
    if (!("Bearer " + TOKEN).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
      send(exchange, 401, "{\"kind\":\"Status\",\"code\":401}");
      return;
    }
    if (method.equals("PATCH")) {
      if (!"application/merge-patch+json"
          .equals(exchange.getRequestHeaders().getFirst("Content-Type"))) {
        send(exchange, 415, "{\"kind\":\"Status\",\"code\":415}");
        return;
      }
      Matcher entry = Pattern.compile("\"(\\w+)\":\"([A-Za-z0-9+/=]+)\"").matcher(body);
      while (entry.find()) {
        secretData.put(
            entry.group(1),
            new String(Base64.getDecoder().decode(entry.group(2)), StandardCharsets.UTF_8));
      }
    }
    var data = new StringBuilder();
    secretData.forEach(
        (key, value) ->
            data.append(data.length() == 0 ? "" : ",")
                .append('"')
                .append(key)
                .append("\":\"")
                .append(Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)))
                .append('"'));
    send(
        exchange,
        200,
        "{\"kind\":\"Secret\",\"metadata\":{\"name\":\"countly-keys\"},\"data\":{" + data + "}}");
  }

  private static Map<String, String> query(String raw) {
    var values = new LinkedHashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return values;
    }
    for (var pair : raw.split("&")) {
      var equals = pair.indexOf('=');
      values.put(
          URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8),
          equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
    }
    return values;
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    var bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
