package io.cncfdemo.benchmark;

import io.cncfdemo.internal.benchmark.load.ConstantRateGenerator;
import io.cncfdemo.internal.benchmark.load.InClusterWrk;
import io.cncfdemo.support.Check;
import java.net.URI;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The load sources of the library: {@link #constantRate(String)} in this JVM, and {@link
 * #inCluster} wrk Jobs of a deployed demo. A wrk process on this machine is {@code
 * io.cncfdemo.apps.wrk.LocalWrk} in cncfdemo-apps.
 */
public final class LoadSources {
  static final Pattern URL =
      Pattern.compile("https?://[a-zA-Z0-9.:\\[\\]-]+(:[0-9]{1,5})?(/[^\\s]*)?");
  static final String URL_RULE = "an http:// or https:// URL such as http://127.0.0.1:8080/";

  private LoadSources() {}

  /**
   * GETs of {@code url} from this JVM, wrk2-style: keep-alive HTTP/1.1 connections, one request at
   * a time each, driven by {@link HttpLoad#threads()} event loops on non-blocking sockets. At the
   * constant rate of {@link HttpLoad#rate(int)} each connection sends on its own schedule and every
   * latency runs from the request's scheduled send time, so coordinated omission is corrected by
   * construction (HdrHistogram; the raw service times kept for comparison); without a rate, as fast
   * as responses come, uncorrected. Over https, one thread per connection ({@code java.net.http}),
   * at most {@value ConstantRateGenerator#MAX_HTTPS_CONNECTIONS} connections.
   */
  public static LoadSource constantRate(String url) {
    return new ConstantRateGenerator(URI.create(Check.matches("url", url, URL, URL_RULE)));
  }

  /**
   * The demo's wrk Job ({@code wrk(url)} in its {@code Demo.with(...)}), run once per benchmark as
   * a copy with the benchmark's duration, connections and threads; its results come back through
   * the demo's Pushgateway and Prometheus, or its log. wrk 4 is a closed loop that corrects its
   * percentiles after the run with the mean interval per connection (not a schedule), and holds no
   * rate. Not on the simulated cluster, whose nodes run no container.
   */
  public static LoadSource inCluster(DemoUnderTest demo) {
    return new InClusterWrk(Objects.requireNonNull(demo, "demo"));
  }
}
