package io.cncfdemo.cli.demo;

import io.cncfdemo.demo.CompiledDemo;
import io.cncfdemo.support.Backoff;
import io.cncfdemo.support.Poll;
import io.cncfdemo.support.WaitTimeoutException;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The URLs of a demo's Ingress hosts ({@code http://countly.<domain>/}, ...) and whether they
 * answer: {@code cncfdemo start} waits a bounded time for each to answer and then says, URL by URL,
 * what it found. It never claims an answer it did not get.
 */
final class DemoUrls {
  private final HttpProbe probe;
  private final Duration interval;

  DemoUrls(HttpProbe probe, Duration interval) {
    this.probe = probe;
    this.interval = interval;
  }

  /** What is known of a URL. */
  enum State {
    ANSWERS("answers"),
    NOT_YET("not answering yet"),
    NOT_SERVED("not served");

    private final String words;

    State(String words) {
      this.words = words;
    }

    @Override
    public String toString() {
      return words;
    }
  }

  /** One URL and what the last request to it found. */
  record Url(URI url, State state, String detail) {
    boolean answering() {
      return state == State.ANSWERS;
    }

    /** The line {@code start} prints, e.g. {@code http://countly.localhost/ answers (HTTP 200)}. */
    String line() {
      return url + "  " + state + " (" + detail + ")";
    }
  }

  /**
   * The URLs of a cluster whose nodes are simulated: none is asked, since no container runs there,
   * and a server that happens to listen on this machine must not pass for the demo.
   */
  static List<Url> unserved(List<URI> urls) {
    return urls.stream()
        .map(
            url ->
                new Url(
                    url,
                    State.NOT_SERVED,
                    "the cluster's nodes are simulated: no container runs to serve it"))
        .toList();
  }

  /**
   * Every host of the demo's Ingresses as a URL, {@code https} where the Ingress has TLS for it.
   */
  static List<URI> of(CompiledDemo compiled) {
    var urls = new ArrayList<URI>();
    for (var object : compiled.objects()) {
      if (object instanceof Ingress ingress && ingress.getSpec() != null) {
        var secured =
            ingress.getSpec().getTls().stream()
                .map(IngressTLS::getHosts)
                .filter(Objects::nonNull)
                .flatMap(List::stream)
                .toList();
        ingress.getSpec().getRules().stream()
            .map(IngressRule::getHost)
            .filter(host -> host != null && !host.isBlank() && !host.startsWith("*"))
            .map(host -> URI.create((secured.contains(host) ? "https://" : "http://") + host + "/"))
            .filter(url -> !urls.contains(url))
            .forEach(urls::add);
      }
    }
    return urls;
  }

  /**
   * Asks each URL until all answer or {@code timeout} has passed, and returns what each last
   * answered, in order.
   */
  List<Url> await(List<URI> urls, Duration timeout) {
    var found = new LinkedHashMap<URI, Url>();
    urls.forEach(url -> found.put(url, new Url(url, State.NOT_YET, "not asked")));
    try {
      Poll.with(Backoff.fixed(interval).deadline(timeout))
          .until(
              "the demo's URLs to answer",
              () -> {
                for (var entry : found.entrySet()) {
                  if (!entry.getValue().answering()) {
                    var answer = probe.get(entry.getKey());
                    entry.setValue(
                        new Url(
                            entry.getKey(),
                            answer.answering() ? State.ANSWERS : State.NOT_YET,
                            answer.detail()));
                  }
                }
                return found.values().stream().allMatch(Url::answering);
              });
    } catch (WaitTimeoutException e) {
      // the URLs that did not answer say so below
    }
    return List.copyOf(found.values());
  }

  /**
   * The URLs as JSON-ready maps: url, state ({@code answers}, {@code not_yet}, {@code not_served}),
   * detail.
   */
  static List<Map<String, Object>> json(List<Url> urls) {
    return urls.stream()
        .map(
            url -> {
              Map<String, Object> entry = new LinkedHashMap<>();
              entry.put("url", url.url().toString());
              entry.put("state", url.state().name().toLowerCase(java.util.Locale.ROOT));
              entry.put("detail", url.detail());
              return entry;
            })
        .toList();
  }
}
