package io.cncfdemo.cli.live;

import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.event.Event;
import io.cncfdemo.event.EventStream;
import io.cncfdemo.event.Payload;
import io.cncfdemo.live.LiveView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code cncfdemo replay FILE [--ui]}: a run saved with {@code --save-events}, as a timeline, or as
 * the live page it was.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description =
        "Shows a run saved with --save-events: its timeline, or with --ui the live page as it"
            + " was at the end.",
    footerHeading = "%nExamples:%n",
    footer = {"  cncfdemo start --save-events run.jsonl", "  cncfdemo replay run.jsonl --ui"})
public final class ReplayCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(index = "0", paramLabel = "FILE", description = "Events written by --save-events.")
  Path file;

  @Option(
      names = "--ui",
      description = "Serve the run's page on 127.0.0.1 until Enter (or the end of the input).")
  boolean ui;

  public ReplayCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    var stream = EventStream.replay(file);
    var console = context.console();
    if (ui) {
      try (var view = LiveView.open(stream)) {
        console.line("Live view of " + file + ": " + view.url());
        console.errLine("press Enter to stop serving it");
        LiveSession.awaitEnter();
      }
      return ExitCodes.OK;
    }
    var events = stream.history();
    long samples = events.stream().filter(e -> e.payload() instanceof Payload.Sample).count();
    for (var event : events) {
      if (!(event.payload() instanceof Payload.Sample)) {
        console.line(line(events.get(0), event));
      }
    }
    console.line(
        events.size()
            + " events ("
            + samples
            + " samples); view them with: cncfdemo replay "
            + file
            + " --ui");
    return ExitCodes.OK;
  }

  private static String line(Event first, Event event) {
    double seconds = Duration.between(first.at(), event.at()).toMillis() / 1000.0;
    return String.format(
        Locale.ROOT, "%+9.1f s  %-15s %s", seconds, event.kind(), describe(event.payload()));
  }

  private static String describe(Payload payload) {
    var text = payload.toString();
    int open = text.indexOf('[');
    return open < 0 ? text : text.substring(open + 1, text.length() - 1);
  }
}
