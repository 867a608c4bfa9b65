package io.cncfdemo.internal.benchmark.html;

import static io.cncfdemo.internal.benchmark.html.ChartFrame.LEFT;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.RIGHT;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.TOP;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.WIDTH;
import static io.cncfdemo.internal.benchmark.html.ChartFrame.fmt;

import java.util.ArrayList;
import java.util.List;

/**
 * A line chart as inline SVG: series over x, a legend, and labelled vertical markers. No script, no
 * external file.
 */
final class LineChart {
  private static final int HEIGHT = 280;
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
    var frame = ChartFrame.open(id, title, HEIGHT, BOTTOM);
    var svg = frame.svg();
    axes(frame, x, y, xLabel, yLabel);
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
    frame.legend(series.stream().map(Series::name).toList(), 4);
    return frame.close();
  }

  private static void axes(ChartFrame frame, Scale x, Scale y, String xLabel, String yLabel) {
    var svg = frame.svg();
    svg.open("g", "class", "axes");
    frame.yGrid(y);
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
    frame.yLabel(yLabel);
    svg.close("g");
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
}
