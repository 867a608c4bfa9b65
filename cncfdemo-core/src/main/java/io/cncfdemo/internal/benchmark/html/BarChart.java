package io.cncfdemo.internal.benchmark.html;

import static io.cncfdemo.internal.benchmark.html.LineChart.fmt;

import java.util.List;

/**
 * A grouped bar chart as inline SVG: one group per category, one bar per series, each bar labelled
 * with its value.
 */
final class BarChart {
  private static final int WIDTH = LineChart.WIDTH;
  private static final int HEIGHT = 260;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 28;
  private static final int BOTTOM = 40;

  private BarChart() {}

  static String render(
      String id, String title, String yLabel, List<String> categories, List<Bars> series) {
    double max = 0;
    for (var bars : series) {
      for (double value : bars.values()) {
        if (!Double.isNaN(value)) {
          max = Math.max(max, value);
        }
      }
    }
    var y = Scale.of(0, max);
    var svg = new Html();
    svg.open("figure", "class", "chart", "id", id).element("figcaption", title);
    svg.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "viewBox",
        "0 0 " + WIDTH + " " + HEIGHT,
        "role",
        "img",
        "aria-label",
        title);
    svg.open("g", "class", "axes");
    for (double tick : y.ticks()) {
      double at = y.map(tick, HEIGHT - BOTTOM, TOP);
      svg.empty(
          "line",
          "class",
          "grid",
          "x1",
          fmt(LEFT),
          "x2",
          fmt(WIDTH - RIGHT),
          "y1",
          fmt(at),
          "y2",
          fmt(at));
      svg.element(
          "text",
          y.label(tick),
          "class",
          "tick",
          "x",
          fmt(LEFT - 6),
          "y",
          fmt(at + 4),
          "text-anchor",
          "end");
    }
    svg.element("text", yLabel, "class", "axis-label", "x", fmt(14), "y", fmt(TOP - 10));
    svg.close("g");
    double groupWidth = (WIDTH - LEFT - RIGHT) / (double) Math.max(1, categories.size());
    double barWidth = Math.min(48, groupWidth * 0.8 / Math.max(1, series.size()));
    for (int c = 0; c < categories.size(); c++) {
      double groupStart = LEFT + c * groupWidth + (groupWidth - barWidth * series.size()) / 2;
      for (int s = 0; s < series.size(); s++) {
        double value = series.get(s).values()[c];
        if (Double.isNaN(value)) {
          continue;
        }
        double top = y.map(value, HEIGHT - BOTTOM, TOP);
        double left = groupStart + s * barWidth;
        svg.empty(
            "rect",
            "class",
            "bar s" + (s % Styles.SERIES_COLOURS),
            "data-series",
            series.get(s).key(),
            "data-category",
            categories.get(c),
            "data-value",
            Format.exact(value),
            "x",
            fmt(left + 1),
            "y",
            fmt(top),
            "width",
            fmt(barWidth - 2),
            "height",
            fmt(HEIGHT - BOTTOM - top));
        svg.element(
            "text",
            Format.number(value),
            "class",
            "bar-label",
            "x",
            fmt(left + barWidth / 2),
            "y",
            fmt(top - 3),
            "text-anchor",
            "middle");
      }
      svg.element(
          "text",
          categories.get(c),
          "class",
          "tick",
          "x",
          fmt(LEFT + (c + 0.5) * groupWidth),
          "y",
          fmt(HEIGHT - BOTTOM + 16),
          "text-anchor",
          "middle");
    }
    if (series.size() > 1) {
      svg.open("g", "class", "legend");
      double at =
          WIDTH - RIGHT - series.stream().mapToDouble(bars -> 28 + 7 * bars.name().length()).sum();
      for (int i = 0; i < series.size(); i++) {
        svg.empty(
            "rect",
            "class",
            "swatch s" + (i % Styles.SERIES_COLOURS),
            "x",
            fmt(at),
            "y",
            fmt(TOP - 22),
            "width",
            "12",
            "height",
            "8");
        svg.element(
            "text",
            series.get(i).name(),
            "class",
            "legend-label",
            "x",
            fmt(at + 16),
            "y",
            fmt(TOP - 14));
        at += 28 + 7 * series.get(i).name().length();
      }
      svg.close("g");
    }
    svg.close("svg").close("figure");
    return svg.toString();
  }
}
