package io.cncfdemo.cli.live;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.cli.common.Console;
import io.cncfdemo.cli.progress.Progress;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.live.LiveView;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One verb's events: the progress it wraps, the stream, the page and the file. Closing it ends
 * them; on a terminal with {@code --ui} it first waits for Enter, so the final page can be read.
 */
final class LiveSession implements Progress {
  private final Progress progress;
  private final EventStream stream;
  private final LiveView view;
  private final Console console;
  private final String operation;
  private final String cluster;
  private final Path saveEvents;
  private final long started = System.nanoTime();
  private boolean finished;

  LiveSession(
      Progress progress,
      EventStream stream,
      LiveView view,
      Console console,
      String operation,
      String cluster,
      Path saveEvents) {
    this.progress = progress;
    this.stream = stream;
    this.view = view;
    this.console = console;
    this.operation = operation;
    this.cluster = cluster;
    this.saveEvents = saveEvents;
  }

  EventStream stream() {
    return stream;
  }

  /** The benchmark's report, saved beside the events (or in a temporary file) for the page. */
  void reportDone(BenchmarkReport report) {
    try {
      var html =
          saveEvents != null
              ? saveEvents.resolveSibling(saveEvents.getFileName() + ".report.html")
              : Files.createTempFile("cncfdemo-report", ".html");
      stream.publish(new Payload.ReportSaved(report.saveHtml(html).toAbsolutePath().toString()));
    } catch (IOException | RuntimeException e) {
      stream.publish(new Payload.Note("the report could not be saved for the page: " + e));
    }
  }

  private void step(String text) {
    if (operation != null) {
      stream.publish(new Payload.ClusterStep(operation, cluster, text));
    }
  }

  @Override
  public void phase(String text) {
    progress.phase(text);
    step(text);
  }

  @Override
  public void advance(int done, int total, String detail) {
    progress.advance(done, total, detail);
  }

  @Override
  public void note(String text) {
    progress.note(text);
    step(text);
  }

  @Override
  public void finish(String text) {
    progress.finish(text);
    finished = true;
    if (operation != null) {
      stream.publish(
          new Payload.ClusterDone(operation, cluster, (System.nanoTime() - started) / 1e9));
    }
    stream.publish(new Payload.Note(text));
  }

  @Override
  public void close() {
    progress.close();
    if (!finished) {
      stream.publish(
          new Payload.Failed(
              operation != null ? operation : "run",
              "it stopped before it finished (see the terminal)"));
    }
    stream.close();
    if (view != null) {
      if (console.isTerminal()) {
        console.errLine("Live view: " + view.url() + " (press Enter to stop serving it)");
        awaitEnter();
      }
      view.close();
    }
  }

  /** Waits for a line (or the end) of the standard input. */
  static void awaitEnter() {
    try {
      new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset())).readLine();
    } catch (IOException e) {
      // the input is gone: nothing to wait for
    }
  }
}
