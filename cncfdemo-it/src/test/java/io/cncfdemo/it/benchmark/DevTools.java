package io.cncfdemo.it.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * A headless Chromium driven over the DevTools protocol (JSON over a WebSocket, with the JDK's
 * client): navigate, reload, evaluate JavaScript, resize, emulate dark mode, take screenshots. For
 * pages that keep changing, where {@code --dump-dom} would see one moment only.
 */
final class DevTools implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicLong ids = new AtomicLong();
  private final Map<Long, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private DevTools(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium on about:blank and attaches to its page. */
  static DevTools start() throws Exception {
    var chromium = BenchmarkTools.require("chromium");
    var profile = Files.createTempDirectory("cncfdemo-devtools");
    var command = Chromium.headless(chromium, profile);
    command.addAll(
        List.of(
            "--hide-scrollbars",
            "--remote-debugging-address=127.0.0.1",
            "--remote-debugging-port=0",
            "--window-size=1280,900",
            "about:blank"));
    var process =
        new ProcessBuilder(command).redirectOutput(profile.resolve("stdout").toFile()).start();
    var stderr =
        new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
    String browser = null;
    for (var line = stderr.readLine(); line != null; line = stderr.readLine()) {
      var matcher = LISTENING.matcher(line);
      if (matcher.find()) {
        browser = matcher.group(1);
        break;
      }
    }
    assertThat(browser).as("Chromium's DevTools address").isNotNull();
    var drain = new Thread(() -> stderr.lines().forEach(line -> {}), "chromium-stderr");
    drain.setDaemon(true);
    drain.start();
    var port = URI.create(browser).getPort();
    var http = HttpClient.newHttpClient();
    var list =
        http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
            HttpResponse.BodyHandlers.ofString());
    String page = null;
    for (var target : JSON.readTree(list.body())) {
      if (target.path("type").asText().equals("page")) {
        page = target.path("webSocketDebuggerUrl").asText();
      }
    }
    assertThat(page).as("Chromium's page target").isNotNull();
    var holder = new DevTools[1];
    var socket =
        http.newWebSocketBuilder()
            .buildAsync(URI.create(page), new Listener(holder))
            .get(30, TimeUnit.SECONDS);
    holder[0] = new DevTools(process, profile, socket);
    holder[0].call("Page.enable", Map.of());
    return holder[0];
  }

  /** Calls one DevTools method and returns its result. */
  JsonNode call(String method, Map<String, ?> params) throws Exception {
    long id = ids.incrementAndGet();
    var future = new CompletableFuture<JsonNode>();
    pending.put(id, future);
    ObjectNode message = JSON.createObjectNode();
    message.put("id", id);
    message.put("method", method);
    message.set("params", JSON.valueToTree(params));
    socket.sendText(JSON.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
    var reply = future.get(60, TimeUnit.SECONDS);
    assertThat(reply.has("error")).as("%s answered %s", method, reply.path("error")).isFalse();
    return reply.path("result");
  }

  /** Loads {@code url} and waits for its load event. */
  void navigate(URI url) throws Exception {
    call("Page.navigate", Map.of("url", url.toString()));
    awaitTrue("document.readyState === 'complete'", Duration.ofSeconds(30));
  }

  /** Reloads the page and waits for its load event. */
  void reload() throws Exception {
    call("Runtime.evaluate", Map.of("expression", "window.__reloading = true"));
    call("Page.reload", Map.of("ignoreCache", true));
    awaitTrue("!window.__reloading && document.readyState === 'complete'", Duration.ofSeconds(30));
  }

  /** The value of a JavaScript expression in the page (strings, numbers, booleans, JSON). */
  JsonNode evaluate(String expression) throws Exception {
    var result = call("Runtime.evaluate", Map.of("expression", expression, "returnByValue", true));
    assertThat(result.has("exceptionDetails"))
        .as("%s threw %s", expression, result.path("exceptionDetails"))
        .isFalse();
    return result.path("result").path("value");
  }

  private JsonNode evaluateUnchecked(String expression) {
    try {
      return evaluate(expression);
    } catch (Exception e) {
      throw new IllegalStateException("cannot evaluate " + expression, e);
    }
  }

  /** Waits until the expression is true in the page. */
  void awaitTrue(String expression, Duration timeout) throws Exception {
    Poll.with(Backoff.fixed(Duration.ofMillis(50)).deadline(timeout))
        .until(expression, () -> evaluateUnchecked("!!(" + expression + ")").asBoolean());
  }

  /** The viewport's size, and whether the page sees {@code prefers-color-scheme: dark}. */
  void viewport(int width, int height, boolean dark) throws Exception {
    call(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", false));
    call(
        "Emulation.setEmulatedMedia",
        Map.of(
            "features",
            List.of(Map.of("name", "prefers-color-scheme", "value", dark ? "dark" : "light"))));
  }

  /** A PNG of the whole page at the current width, or of the viewport only. */
  Path screenshot(Path png, boolean wholePage) throws Exception {
    Files.createDirectories(png.toAbsolutePath().getParent());
    var result =
        call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", wholePage));
    Files.write(png, Base64.getDecoder().decode(result.path("data").asText()));
    return png;
  }

  @Override
  public void close() throws Exception {
    socket.abort();
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
    BenchmarkTools.deleteTree(profile);
  }

  private void reply(JsonNode message) {
    var future = pending.remove(message.path("id").asLong(-1));
    if (future != null) {
      future.complete(message);
    }
  }

  /** Puts the fragments of each message together and hands replies to their callers. */
  private static final class Listener implements WebSocket.Listener {
    private final DevTools[] holder;
    private final StringBuilder text = new StringBuilder();

    Listener(DevTools[] holder) {
      this.holder = holder;
    }

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          var message = JSON.readTree(text.toString());
          if (message.has("id") && holder[0] != null) {
            holder[0].reply(message);
          }
        } catch (IOException e) {
          throw new IllegalStateException("DevTools sent what is not JSON: " + text, e);
        } finally {
          text.setLength(0);
        }
      }
      socket.request(1);
      return null;
    }
  }
}
