package io.cncfdemo.internal.benchmark.html;

import static io.cncfdemo.internal.benchmark.html.ChartFrame.LEFT;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.RIGHT;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.TOP;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.WIDTH;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.fmt;

import java.util.List;

/**
 * A grouped bar chart as inline SVG: one group per category, one bar per series, each bar labelled
 * with its value.
 */
final class BarChart {
  private static final int HEIGHT = 260;
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
    var frame = ChartFrame.open(id, title, HEIGHT, BOTTOM);
    var svg = frame.svg();
    svg.open("g", "class", "axes");
    frame.yGrid(y);
    frame.yLabel(yLabel);
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
      frame.legend(series.stream().map(Bars::name).toList(), 8);
    }
    return frame.close();
  }
}
