package io.cncfdemo.support;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The Prometheus text exposition format (0.0.4), both ways: what is pushed to the Pushgateway, and
 * what wrk's script prints into the Job's log. Parsing keeps samples and skips comments and
 * anything that is not a sample line, so a whole log can be given.
 */
public final class PrometheusText {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

  private PrometheusText() {}

  /**
   * Samples as text, grouped by metric name in the order names first appear (the format wants a
   * family's lines together), one {@code # TYPE} line each: gauge, as wrk's script writes them (the
   * Pushgateway refuses a metric whose type differs from the same metric's in another group).
   */
  public static String render(List<MetricSample> samples) {
    var families = new LinkedHashMap<String, List<MetricSample>>();
    samples.forEach(
        sample -> families.computeIfAbsent(sample.name(), name -> new ArrayList<>()).add(sample));
    var out = new StringBuilder();
    for (var family : families.entrySet()) {
      out.append("# TYPE ").append(family.getKey()).append(" gauge\n");
      for (var sample : family.getValue()) {
        out.append(sample.name());
        if (!sample.labels().isEmpty()) {
          out.append('{');
          var first = true;
          for (var label : sample.labels().entrySet()) {
            out.append(first ? "" : ",")
                .append(label.getKey())
                .append("=\"")
                .append(escape(label.getValue()))
                .append('"');
            first = false;
          }
          out.append('}');
        }
        out.append(' ').append(number(sample.value())).append('\n');
      }
    }
    return out.toString();
  }

  /** Every sample line of {@code text}; other lines are skipped. */
  public static List<MetricSample> parse(String text) {
    var samples = new ArrayList<MetricSample>();
    for (var line : text.split("\\R")) {
      var sample = parseLine(line.strip());
      if (sample != null) {
        samples.add(sample);
      }
    }
    return samples;
  }

  private static MetricSample parseLine(String line) {
    if (line.isEmpty() || line.startsWith("#")) {
      return null;
    }
    int i = 0;
    while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
      i++;
    }
    var name = line.substring(0, i);
    if (!NAME.matcher(name).matches() || i == line.length()) {
      return null;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (line.charAt(i) == '{') {
      i = parseLabels(line, i + 1, labels);
      if (i < 0) {
        return null;
      }
    }
    var rest = line.substring(i).strip().split("\\s+");
    if (rest.length < 1 || rest.length > 2) {
      return null;
    }
    try {
      return new MetricSample(name, labels, parseNumber(rest[0]));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * Reads {@code a="x",b="y"}} from {@code start}; returns the index after the closing brace, or
   * -1.
   */
  private static int parseLabels(String line, int start, Map<String, String> labels) {
    int i = start;
    while (i < line.length()) {
      if (line.charAt(i) == '}') {
        return i + 1;
      }
      int equals = line.indexOf('=', i);
      if (equals < 0 || equals + 1 >= line.length() || line.charAt(equals + 1) != '"') {
        return -1;
      }
      var key = line.substring(i, equals).strip();
      var value = new StringBuilder();
      int j = equals + 2;
      for (; j < line.length() && line.charAt(j) != '"'; j++) {
        char c = line.charAt(j);
        if (c == '\\' && j + 1 < line.length()) {
          char next = line.charAt(++j);
          value.append(next == 'n' ? '\n' : next);
        } else {
          value.append(c);
        }
      }
      if (j >= line.length()) {
        return -1;
      }
      labels.put(key, value.toString());
      i = j + 1;
      if (i < line.length() && line.charAt(i) == ',') {
        i++;
      }
    }
    return -1;
  }

  private static String escape(String value) {
    return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
  }

  /**
   * A sample value as the format writes it: {@code NaN}, {@code +Inf}, whole numbers without a
   * fraction.
   */
  public static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    // the shortest text that reads back as the same double: pushed values return from Prometheus
    // unchanged
    return Double.toString(value);
  }

  /**
   * A sample value as the format writes it, {@code NaN} and {@code +Inf} included; see {@link
   * #number}.
   */
  public static double parseNumber(String text) {
    return switch (text) {
      case "NaN" -> Double.NaN;
      case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
      case "-Inf" -> Double.NEGATIVE_INFINITY;
      default -> Double.parseDouble(text);
    };
  }
}
