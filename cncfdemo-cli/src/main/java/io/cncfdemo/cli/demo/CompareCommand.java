package io.cncfdemo.cli.demo;

import io.cncfdemo.benchmark.BenchmarkReport;
import io.cncfdemo.benchmark.ComparedFigure;
import io.cncfdemo.benchmark.Comparison;
import io.cncfdemo.cli.common.CliContext;
import io.cncfdemo.cli.common.ExitCodes;
import io.cncfdemo.cli.common.Json;
import io.cncfdemo.cli.common.OutputOption;
import io.cncfdemo.cli.common.UsageException;
import io.cncfdemo.exception.CncfDemoException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cncfdemo compare}: benchmark reports side by side, as a table and as one HTML page. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description = {
      "Puts benchmark reports saved by 'cncfdemo benchmark --save-json' side by side: every figure"
          + " they have, the best marked with * (lowest latency and cost, highest throughput)."
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  cncfdemo compare local.json aws.json --save-html compare.html",
      "  cncfdemo compare runs/*.json --save-html compare.html --output json"
    })
public final class CompareCommand implements Callable<Integer> {
  private final CliContext context;

  @Parameters(
      arity = "1..*",
      paramLabel = "RUN.json",
      description = "Reports saved by 'cncfdemo benchmark --save-json'.")
  List<Path> runs;

  @Option(
      names = "--save-html",
      required = true,
      paramLabel = "FILE",
      description = "Save the comparison as one HTML page.")
  Path saveHtml;

  @Mixin OutputOption output;

  public CompareCommand(CliContext context) {
    this.context = context;
  }

  @Override
  public Integer call() {
    if (runs.size() > Comparison.MAX_REPORTS) {
      throw new UsageException(
          "compare takes 1 to " + Comparison.MAX_REPORTS + " reports, was given " + runs.size());
    }
    var reports = new ArrayList<BenchmarkReport>();
    for (var run : runs) {
      reports.add(read(run));
    }
    var comparison = Comparison.of(reports);
    var html = comparison.saveHtml(saveHtml);
    var figures = comparison.figures();
    if (output.json()) {
      var result = new LinkedHashMap<String, Object>();
      result.put("runs", reports.stream().map(r -> r.metadata().name()).toList());
      result.put("files", runs.stream().map(Path::toString).toList());
      result.put("html", html.toString());
      result.put("figures", figures.stream().map(CompareCommand::json).toList());
      context.console().print(Json.write(result));
      return ExitCodes.OK;
    }
    context
        .console()
        .print(table(reports.stream().map(r -> r.metadata().name()).toList(), figures));
    context.console().line("");
    context.console().line("HTML comparison: " + html);
    return ExitCodes.OK;
  }

  /**
   * A report file; one that is not there or not a report is a usage error, one that cannot be read
   * a failure.
   */
  public static BenchmarkReport read(Path file) {
    if (!Files.exists(file)) {
      throw new UsageException(
          file + ": no such file (save a run with: cncfdemo benchmark --save-json " + file + ")");
    }
    if (!Files.isRegularFile(file)) {
      throw new UsageException(file + ": not a file");
    }
    if (!Files.isReadable(file)) {
      throw new CncfDemoException(file + ": cannot be read");
    }
    try {
      return BenchmarkReport.read(file);
    } catch (CncfDemoException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("could not read")) {
        throw e;
      }
      throw new UsageException(e.getMessage());
    }
  }

  /**
   * The figures as a table: one row per figure, one column per run, the best value marked with
   * {@code *}.
   */
  static String table(List<String> runs, List<ComparedFigure> figures) {
    var rows = new ArrayList<List<String>>();
    var header = new ArrayList<String>();
    header.add("FIGURE");
    header.addAll(runs);
    rows.add(header);
    for (var figure : figures) {
      var row = new ArrayList<String>();
      row.add(figure.name() + (figure.unit().isEmpty() ? "" : " (" + figure.unit() + ")"));
      var best = figure.best();
      for (int i = 0; i < figure.values().size(); i++) {
        var value = figure.values().get(i);
        row.add(
            value.isPresent() ? number(value.getAsDouble()) + (best.contains(i) ? " *" : "") : "-");
      }
      rows.add(row);
    }
    int columns = header.size();
    var widths = new int[columns];
    for (var row : rows) {
      for (int i = 0; i < columns; i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    var text = new StringBuilder();
    for (var row : rows) {
      var line = new StringBuilder();
      for (int i = 0; i < columns; i++) {
        line.append(
            i == 0
                ? String.format("%-" + widths[i] + "s", row.get(i))
                : "   " + String.format("%" + widths[i] + "s", row.get(i)));
      }
      text.append(line.toString().stripTrailing()).append('\n');
    }
    return text.toString();
  }

  private static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e12) {
      return String.valueOf((long) value);
    }
    return String.format(
        Locale.ROOT,
        Math.abs(value) >= 100 ? "%.1f" : Math.abs(value) >= 1 ? "%.2f" : "%.4f",
        value);
  }

  private static Map<String, Object> json(ComparedFigure figure) {
    var map = new LinkedHashMap<String, Object>();
    map.put("name", figure.name());
    map.put("unit", figure.unit());
    map.put("higherIsBetter", figure.higherIsBetter());
    map.put(
        "values",
        figure.values().stream()
            .map(v -> v.isPresent() ? (Object) v.getAsDouble() : null)
            .toList());
    map.put("best", figure.best());
    return map;
  }
}
