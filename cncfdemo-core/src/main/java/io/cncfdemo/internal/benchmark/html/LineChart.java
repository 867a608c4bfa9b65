package io.cncfdemo.internal.benchmark.html;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A line chart as inline SVG: series over x, a legend, and labelled vertical markers. No script, no
 * external file.
 */
final class LineChart {
  static final int WIDTH = 820;
  static final int HEIGHT = 280;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 28;
  private static final int BOTTOM = 44;
  private static final int MAX_POINTS = 1000;

  private LineChart() {}

  static String render(
      String id,
      String title,
      String xLabel,
      String yLabel,
      List<Series> series,
      List<Marker> markers) {
    double xMin = Double.MAX_VALUE;
    double xMax = -Double.MAX_VALUE;
    double yMax = 0;
    for (var line : series) {
      for (var point : line.points()) {
        xMin = Math.min(xMin, point[0]);
        xMax = Math.max(xMax, point[0]);
        yMax = Math.max(yMax, point[1]);
      }
    }
    for (var marker : markers) {
      xMin = Math.min(xMin, marker.x());
      xMax = Math.max(xMax, marker.x());
    }
    if (xMin == Double.MAX_VALUE) {
      xMin = 0;
      xMax = 1;
    }
    var x = Scale.of(xMin, xMax);
    var y = Scale.of(0, yMax);
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
    axes(svg, x, y, xLabel, yLabel);
    for (int i = 0; i < series.size(); i++) {
      var line = series.get(i);
      svg.empty(
          "polyline",
          "class",
          "series s" + (i % Styles.SERIES_COLOURS),
          "data-series",
          line.key(),
          "points",
          points(line.points(), x, y));
    }
    for (int m = 0; m < markers.size(); m++) {
      var marker = markers.get(m);
      double at = x.map(marker.x(), LEFT, WIDTH - RIGHT);
      svg.empty(
          "line",
          "class",
          "marker " + marker.kind(),
          "x1",
          fmt(at),
          "x2",
          fmt(at),
          "y1",
          fmt(TOP),
          "y2",
          fmt(HEIGHT - BOTTOM));
      svg.element(
          "text",
          marker.label(),
          "class",
          "marker-label " + marker.kind(),
          "x",
          fmt(at + 4),
          "y",
          fmt(TOP + 12 + 14 * (m % 3)));
    }
    legend(svg, series);
    svg.close("svg").close("figure");
    return svg.toString();
  }

  private static void axes(Html svg, Scale x, Scale y, String xLabel, String yLabel) {
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
    for (double tick : x.ticks()) {
      double at = x.map(tick, LEFT, WIDTH - RIGHT);
      svg.empty(
          "line",
          "class",
          "axis",
          "x1",
          fmt(at),
          "x2",
          fmt(at),
          "y1",
          fmt(HEIGHT - BOTTOM),
          "y2",
          fmt(HEIGHT - BOTTOM + 4));
      svg.element(
          "text",
          x.label(tick),
          "class",
          "tick",
          "x",
          fmt(at),
          "y",
          fmt(HEIGHT - BOTTOM + 16),
          "text-anchor",
          "middle");
    }
    svg.empty(
        "line",
        "class",
        "axis",
        "x1",
        fmt(LEFT),
        "x2",
        fmt(WIDTH - RIGHT),
        "y1",
        fmt(HEIGHT - BOTTOM),
        "y2",
        fmt(HEIGHT - BOTTOM));
    svg.element(
        "text",
        xLabel,
        "class",
        "axis-label",
        "x",
        fmt((LEFT + WIDTH - RIGHT) / 2.0),
        "y",
        fmt(HEIGHT - 6),
        "text-anchor",
        "middle");
    svg.element("text", yLabel, "class", "axis-label", "x", fmt(14), "y", fmt(TOP - 10));
    svg.close("g");
  }

  private static void legend(Html svg, List<Series> series) {
    svg.open("g", "class", "legend");
    double at = WIDTH - RIGHT - series.stream().mapToDouble(LineChart::legendWidth).sum();
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
          "4");
      svg.element(
          "text",
          series.get(i).name(),
          "class",
          "legend-label",
          "x",
          fmt(at + 16),
          "y",
          fmt(TOP - 16));
      at += legendWidth(series.get(i));
    }
    svg.close("g");
  }

  private static double legendWidth(Series series) {
    return 28 + 7 * series.name().length();
  }

  private static String points(List<double[]> points, Scale x, Scale y) {
    int every = Math.max(1, (points.size() + MAX_POINTS - 1) / MAX_POINTS);
    var out = new ArrayList<String>();
    for (int i = 0; i < points.size(); i += every) {
      var point = points.get(i);
      out.add(
          fmt(x.map(point[0], LEFT, WIDTH - RIGHT))
              + ","
              + fmt(y.map(point[1], HEIGHT - BOTTOM, TOP)));
    }
    return String.join(" ", out);
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
