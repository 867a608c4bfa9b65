package io.cncfdemo.apps.wrk;

import io.cncfdemo.apps.internal.Texts;
import io.cncfdemo.benchmark.BenchmarkJobs;
import io.cncfdemo.benchmark.HttpFigures;
import io.cncfdemo.benchmark.HttpLoad;
import io.cncfdemo.benchmark.HttpMetrics;
import io.cncfdemo.benchmark.LoadContext;
import io.cncfdemo.benchmark.LoadSource;
import io.cncfdemo.exception.CncfDemoException;
import io.cncfdemo.support.Check;
import io.cncfdemo.support.CncfDemoValue;
import io.cncfdemo.support.PrometheusText;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.TimeUnit;
import org.immutables.value.Value;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * wrk as a process on this machine, with the same script as the in-cluster Job ({@code
 * countly.lua}), against a URL: the {@link LoadSource} to benchmark anything reachable from here,
 * or to try the whole pipeline without a cluster. wrk is a closed loop: wrk 4 corrects its
 * percentiles after the run with the mean interval per connection (not a schedule), and Debian's
 * wrk has no constant-rate mode, so an asked rate is recorded but not held. Needs {@code wrk} on
 * the PATH (Debian package {@code wrk}; {@code scripts/install-benchmark-tools} installs it).
 *
 * <p>{@code
 * Benchmark.of(LocalWrk.against("http://127.0.0.1:8080/")).duration(Duration.ofSeconds(30)).run()}
 */
@CncfDemoValue
public abstract class LocalWrk implements LoadSource {
  private static final Logger LOG = LoggerFactory.getLogger(LocalWrk.class);
  private static final Duration GRACE = Duration.ofSeconds(30);
  private static final String INSTALL =
      "install the Debian package wrk (scripts/install-benchmark-tools does)";

  LocalWrk() {}

  /** wrk against {@code url}, GETting it. */
  public static LocalWrk against(String url) {
    return ImmutableLocalWrk.builder()
        .url(Check.matches("url", url, Wrk.URL, Wrk.URL_RULE))
        .build();
  }

  /** The URL under load. */
  public abstract String url();

  /** The wrk executable; the one on the PATH when empty. */
  public abstract Optional<Path> binary();

  /** The Countly app to write events to and read them from; without, wrk GETs {@link #url()}. */
  public abstract Optional<CountlyKeys> countlyKeys();

  /** With {@link #countlyKeys()}: the percentage of requests that read, the rest write. */
  @Value.Default
  public int readPercent() {
    return Wrk.DEFAULT_READ_PERCENT;
  }

  /**
   * The same load through Countly's write and read APIs of the app with these keys (see {@link
   * Wrk#countlyKeys}).
   */
  public LocalWrk countlyKeys(CountlyKeys countlyKeys) {
    return ImmutableLocalWrk.copyOf(this)
        .copyWithCountlyKeys(
            Check.notNull("countlyKeys", countlyKeys, "the keys of a Countly app"));
  }

  /** With Countly keys, this percentage of requests (0 to 100) reads, the rest write. */
  public LocalWrk readPercent(int percent) {
    return ImmutableLocalWrk.copyOf(this)
        .copyWithReadPercent(Check.between("readPercent", percent, 0, 100));
  }

  /** This wrk executable instead of the one on the PATH. */
  public LocalWrk binary(Path wrk) {
    return ImmutableLocalWrk.copyOf(this).copyWithBinary(Objects.requireNonNull(wrk, "wrk"));
  }

  @Override
  public String describe() {
    return "wrk on this machine against " + url();
  }

  @Override
  public HttpFigures run(HttpLoad load, LoadContext context) {
    load.validate();
    var wrk = binary().orElseGet(LocalWrk::onPath);
    if (!Files.isExecutable(wrk)) {
      throw new CncfDemoException(wrk + " is not executable: " + INSTALL);
    }
    Path work = null;
    try {
      work = Files.createTempDirectory("cncfdemo-wrk");
      var script =
          Files.writeString(
              work.resolve(WrkObjects.SCRIPT), Texts.resource(Wrk.class, WrkObjects.SCRIPT));
      var results = work.resolve("results.prom");
      var output = run(command(wrk, load, script), environment(load, results), load, context);
      if (Files.isRegularFile(results) && Files.size(results) > 0) {
        var figures =
            HttpMetrics.figures(
                PrometheusText.parse(Files.readString(results, StandardCharsets.UTF_8)),
                "in process");
        if (figures.isPresent()) {
          return figures.get();
        }
      }
      LOG.warn("wrk's script wrote no results; reading wrk's text output instead");
      return WrkOutput.parse(output)
          .map(
              summary ->
                  summary.figures(
                      describe(),
                      "closed loop (wrk 4): latency from send to response, corrected by wrk after"
                          + " the run with the mean interval per connection",
                      load.rate()))
          .orElseThrow(() -> new CncfDemoException("wrk printed no results:\n" + output));
    } catch (IOException e) {
      throw new CncfDemoException("could not run wrk: " + e.getMessage(), e);
    } finally {
      delete(work);
    }
  }

  private List<String> command(Path wrk, HttpLoad load, Path script) {
    return List.of(
        wrk.toString(),
        "-t" + load.threads(),
        "-c" + load.connections(),
        "-d" + BenchmarkJobs.wrkSeconds(load.duration()),
        "--timeout",
        BenchmarkJobs.wrkSeconds(load.timeout()),
        "--latency",
        "-s",
        script.toString(),
        url());
  }

  private java.util.Map<String, String> environment(HttpLoad load, Path results) {
    var env = new java.util.LinkedHashMap<String, String>();
    env.put("WRK_RESULTS", results.toString());
    env.put("WRK_SOURCE", describe());
    env.put(BenchmarkJobs.THREADS, Integer.toString(load.threads()));
    env.put(BenchmarkJobs.CONNECTIONS, Integer.toString(load.connections()));
    env.put(
        BenchmarkJobs.RATE,
        load.rate().isPresent() ? Integer.toString(load.rate().getAsInt()) : "");
    env.put("WRK_READ_PERCENT", Integer.toString(readPercent()));
    countlyKeys()
        .ifPresent(
            k -> {
              env.put("COUNTLY_APP_KEY", k.appKey());
              env.put("COUNTLY_API_KEY", k.apiKey());
              env.put("COUNTLY_APP_ID", k.appId());
            });
    return env;
  }

  /** Runs wrk to its end, telling the context about progress each second; returns its output. */
  private static String run(
      List<String> command, java.util.Map<String, String> env, HttpLoad load, LoadContext context)
      throws IOException {
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.environment().putAll(env);
    var process = builder.start();
    process.getOutputStream().close();
    var output = new StringBuilder();
    var reader =
        new Thread(
            () -> {
              try {
                output.append(
                    new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                output.append("(output unreadable: ").append(e.getMessage()).append(')');
              }
            },
            "cncfdemo-wrk-output");
    reader.setDaemon(true);
    reader.start();
    context.loadStarted();
    long deadline = System.nanoTime() + load.duration().plus(load.timeout()).plus(GRACE).toNanos();
    try {
      while (!process.waitFor(1, TimeUnit.SECONDS)) {
        if (System.nanoTime() > deadline) {
          throw new CncfDemoException(
              "wrk did not end within "
                  + (load.duration().plus(load.timeout()).plus(GRACE).toSeconds())
                  + " s: "
                  + String.join(" ", command));
        }
        context.progress(OptionalDouble.empty(), 0);
      }
      reader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CncfDemoException("interrupted while wrk ran", e);
    } finally {
      process.destroyForcibly();
    }
    if (process.exitValue() != 0) {
      throw new CncfDemoException(
          "wrk failed (exit "
              + process.exitValue()
              + "): "
              + String.join(" ", command)
              + "\n"
              + output);
    }
    return output.toString();
  }

  private static Path onPath() {
    for (var dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      var candidate = Path.of(dir, "wrk");
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new CncfDemoException("wrk is not on the PATH: " + INSTALL);
  }

  private static void delete(Path work) {
    if (work == null) {
      return;
    }
    try (var files = Files.walk(work)) {
      var all = new ArrayList<Path>();
      files.sorted(Comparator.reverseOrder()).forEach(all::add);
      for (var file : all) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      LOG.debug("could not remove {}: {}", work, e.getMessage());
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
