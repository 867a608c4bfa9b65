package io.cncfdemo.examples.benchmark;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one benchmark main, as the benchmark mains' contract has them: a table on stdout
 * and, when {@code CNCFDEMO_BENCH_OUT} names a file, one tab-separated line per figure appended to
 * it ({@code figure, ours, peer, ratio, goal, verdict}).
 */
final class BenchFigures {
  private final List<List<String>> rows = new ArrayList<>();

  /** Adds a figure; {@code meets} is null for a figure without a goal. */
  BenchFigures add(
      String figure, String ours, String peer, String ratio, String goal, Boolean meets) {
    rows.add(
        List.of(figure, ours, peer, ratio, goal, meets == null ? "—" : meets ? "meets" : "misses"));
    return this;
  }

  /** Prints the table and appends the lines to {@code CNCFDEMO_BENCH_OUT}, when set. */
  void publish(PrintStream out) {
    var header = List.of("figure", "ours", "peer", "ratio", "goal", "verdict");
    var widths = new int[header.size()];
    for (var row : concat(header)) {
      for (int i = 0; i < row.size(); i++) {
        widths[i] = Math.max(widths[i], row.get(i).length());
      }
    }
    for (var row : concat(header)) {
      var line = new StringBuilder();
      for (int i = 0; i < row.size(); i++) {
        line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row.get(i)));
      }
      out.println(line.toString().stripTrailing());
    }
    var file = System.getenv("CNCFDEMO_BENCH_OUT");
    if (file != null && !file.isBlank()) {
      var text = new StringBuilder();
      rows.forEach(row -> text.append(String.join("\t", row)).append('\n'));
      try {
        Files.writeString(
            Path.of(file),
            text,
            StandardCharsets.UTF_8,
            StandardOpenOption.CREATE,
            StandardOpenOption.APPEND);
      } catch (IOException e) {
        throw new UncheckedIOException("could not append to " + file, e);
      }
    }
  }

  /** {@code 3.1 s}. */
  static String seconds(double millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }

  /** {@code 612 MiB}. */
  static String mebibytes(long kib) {
    return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
  }

  /** {@code 0.82× kwokctl}. */
  static String ratio(double ours, double peer, String peerName) {
    return peer <= 0 ? "—" : String.format(Locale.ROOT, "%.2f× %s", ours / peer, peerName);
  }

  /** The median of the values (the upper one of an even count). */
  static double median(List<? extends Number> values) {
    var sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
  }

  /** {@code --runs N} from the arguments, default 3. */
  static int runs(String[] args) {
    return Integer.parseInt(option(args, "--runs", "3"));
  }

  /** The value after {@code name} in the arguments, or the default. */
  static String option(String[] args, String name, String otherwise) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return args[i + 1];
      }
    }
    return otherwise;
  }

  private List<List<String>> concat(List<String> header) {
    var all = new ArrayList<List<String>>();
    all.add(header);
    all.addAll(rows);
    return all;
  }
}
