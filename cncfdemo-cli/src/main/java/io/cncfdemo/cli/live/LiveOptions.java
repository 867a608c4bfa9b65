package io.cncfdemo.cli.live;

import io.cncfdemo.benchmark.BenchmarkListener;
import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.cli.common.Console;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.deploy.DeployListener;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.live.LiveView;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --ui} and {@code --save-events FILE}, mixed into the long verbs. A verb wraps its progress
 * with {@link #around} or {@link #cluster} (which opens the stream, the page and the file, and
 * closes them with the progress) and its listener with {@link #deploy} or {@link #benchmark}.
 * Without either option everything passes through untouched.
 */
public final class LiveOptions {
  @Option(
      names = "--ui",
      description =
          "Serve a live page of the run on 127.0.0.1 (its address, with a token, is printed);"
              + " on a terminal it stays up after the run until Enter.")
  boolean ui;

  @Option(
      names = "--save-events",
      paramLabel = "FILE",
      description =
          "Write the run's events to FILE, one JSON line each; view them again with: cncfdemo"
              + " replay FILE --ui")
  Path saveEvents;

  private LiveSession session;

  /** Whether events are wanted at all. */
  boolean wanted() {
    return ui || saveEvents != null;
  }

  /** {@code progress}, closing the event stream, file and page with it. */
  public Progress around(Progress progress, Console console) {
    return open(progress, console, null, null);
  }

  /**
   * {@code progress}, its phases and notes published as the steps of {@code operation} ({@code
   * create} or {@code destroy}) on {@code cluster}.
   */
  public Progress cluster(Progress progress, Console console, String operation, String cluster) {
    return open(progress, console, operation, cluster);
  }

  private Progress open(Progress progress, Console console, String operation, String cluster) {
    if (!wanted()) {
      return progress;
    }
    var stream = EventStream.create();
    if (saveEvents != null) {
      stream.saveTo(saveEvents);
    }
    LiveView view = null;
    if (ui) {
      view = LiveView.open(stream);
      console.errLine("Live view: " + view.url());
    }
    session = new LiveSession(progress, stream, view, console, operation, cluster, saveEvents);
    return session;
  }

  /** {@code listener}, and the deploy's events published. */
  public DeployListener deploy(DeployListener listener) {
    return session == null
        ? listener
        : Tees.of(DeployListener.class, listener, session.stream().deployListener());
  }

  /** {@code listener}, and the benchmark's events (and its report, for the page) published. */
  public BenchmarkListener benchmark(BenchmarkListener listener) {
    if (session == null) {
      return listener;
    }
    var live = session;
    BenchmarkListener reportToPage =
        new BenchmarkListener() {
          @Override
          public void done(BenchmarkReport report) {
            live.reportDone(report);
          }
        };
    return Tees.of(
        BenchmarkListener.class, listener, live.stream().benchmarkListener(), reportToPage);
  }
}
