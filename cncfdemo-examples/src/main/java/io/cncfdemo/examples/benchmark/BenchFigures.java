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
 * The contract every benchmark main keeps with {@code scripts/bench}: it takes {@code --runs N}
 * (default 3) and reports medians; it prints its table; and when {@code $CNCFDEMO_BENCH_OUT} names
 * a file it appends one tab-separated line per figure to it: {@code
 * figure<TAB>ours<TAB>peer<TAB>ratio<TAB>goal<TAB>verdict}.
 */
public final class BenchFigures {
  /** The variable naming the file the figures are appended to. */
  public static final String OUT_VARIABLE = "CNCFDEMO_BENCH_OUT";

  /** The runs of a main without {@code --runs}. */
  public static final int DEFAULT_RUNS = 3;

  private BenchFigures() {}

  /**
   * One figure.
   *
   * @param figure what was measured, e.g. {@code cncfdemo --help, whole process}
   * @param ours our figure with its unit, e.g. {@code 0.14 s}
   * @param peer the peer's figure in the same run, or {@code —}
   * @param ratio ours over the peer, e.g. {@code 4.2× kubectl}, or {@code —}
   * @param goal the goal, e.g. {@code ≤ 0.25 s}, or {@code —}
   * @param verdict {@code meets}, {@code misses}, or {@code —} for a figure without a goal
   */
  public record Figure(
      String figure, String ours, String peer, String ratio, String goal, String verdict) {
    /** A figure with a goal, which ours meets or misses. */
    public Figure(
        String figure, String ours, String peer, String ratio, String goal, boolean meets) {
      this(figure, ours, peer, ratio, goal, meets ? "meets" : "misses");
    }

    /** The figure as the contract's line, without its line end. */
    public String line() {
      return String.join(
          "\t", clean(figure), clean(ours), clean(peer), clean(ratio), clean(goal), verdict);
    }

    private static String clean(String text) {
      return text.replace('\t', ' ').replace('\n', ' ');
    }
  }

  /** Figures gathered one by one, then {@linkplain #publish(PrintStream) published} at once. */
  public static final class Table {
    private final List<Figure> figures = new ArrayList<>();

    /** Adds a figure; {@code meets} is null for a figure without a goal. */
    public Table add(
        String figure, String ours, String peer, String ratio, String goal, Boolean meets) {
      figures.add(
          new Figure(
              figure, ours, peer, ratio, goal, meets == null ? "—" : meets ? "meets" : "misses"));
      return this;
    }

    /** Prints the figures as an aligned table and appends them as {@link #report} does. */
    public void publish(PrintStream out) {
      var rows = new ArrayList<List<String>>();
      rows.add(List.of("figure", "ours", "peer", "ratio", "goal", "verdict"));
      figures.forEach(
          f -> rows.add(List.of(f.figure(), f.ours(), f.peer(), f.ratio(), f.goal(), f.verdict())));
      var widths = new int[6];
      rows.forEach(
          row -> {
            for (int i = 0; i < row.size(); i++) {
              widths[i] = Math.max(widths[i], row.get(i).length());
            }
          });
      for (var row : rows) {
        var line = new StringBuilder();
        for (int i = 0; i < row.size(); i++) {
          line.append(String.format(Locale.ROOT, "%-" + (widths[i] + 2) + "s", row.get(i)));
        }
        out.println(line.toString().stripTrailing());
      }
      append(figures);
    }
  }

  /** {@code --runs N} of the arguments, else {@link #DEFAULT_RUNS}; N must be 1 or more. */
  public static int runs(String[] args) {
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--runs")) {
        if (i + 1 == args.length || !args[i + 1].matches("[1-9][0-9]*")) {
          throw new IllegalArgumentException(
              "--runs must be a whole number of 1 or more, was "
                  + (i + 1 == args.length ? "nothing" : "\"" + args[i + 1] + "\""));
        }
        return Integer.parseInt(args[i + 1]);
      }
    }
    return DEFAULT_RUNS;
  }

  /** The arguments after {@code name} ({@code --java A --java B} gives A and B). */
  public static List<String> values(String[] args, String name) {
    var values = new ArrayList<String>();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals(name)) {
        values.add(args[i + 1]);
      }
    }
    return values;
  }

  /** The last value after {@code name} in the arguments, or {@code otherwise}. */
  public static String option(String[] args, String name, String otherwise) {
    var values = values(args, name);
    return values.isEmpty() ? otherwise : values.get(values.size() - 1);
  }

  /** The median (the lower middle one of an even count); 0 for no values. */
  public static double median(List<? extends Number> values) {
    var sorted = values.stream().mapToDouble(Number::doubleValue).sorted().toArray();
    return sorted.length == 0 ? 0 : sorted[(sorted.length - 1) / 2];
  }

  /** Seconds as {@code 0.142 s}. */
  public static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.3f s", seconds);
  }

  /** Milliseconds as seconds, {@code 3.1 s}. */
  public static String secondsOfMillis(double millis) {
    return String.format(Locale.ROOT, "%.1f s", millis / 1000);
  }

  /** KiB as {@code 612 MiB}. */
  public static String mebibytes(long kib) {
    return String.format(Locale.ROOT, "%,d MiB", kib / 1024);
  }

  /** {@code ours / peer} as {@code 4.2× kubectl}; {@code —} without a peer figure. */
  public static String ratio(double ours, double peer, String peerName) {
    return peer <= 0 ? "—" : String.format(Locale.ROOT, "%.2f× %s", ours / peer, peerName);
  }

  /** Prints the figures as a table and appends them to {@code $CNCFDEMO_BENCH_OUT} if it is set. */
  public static void report(List<Figure> figures) {
    System.out.println();
    for (var figure : figures) {
      System.out.println(figure.line().replace('\t', '|'));
    }
    append(figures);
  }

  private static void append(List<Figure> figures) {
    var out = System.getenv(OUT_VARIABLE);
    if (out == null || out.isBlank()) {
      return;
    }
    var text = new StringBuilder();
    figures.forEach(figure -> text.append(figure.line()).append('\n'));
    try {
      Files.writeString(
          Path.of(out),
          text,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException("could not append the figures to " + out, e);
    }
  }
}
