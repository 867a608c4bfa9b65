package io.cncfdemo.internal.benchmark.html;

import java.util.List;
import java.util.Locale;

/**
 * What every chart of a report shares: the figure with its caption and SVG, the horizontal grid
 * with the y axis' ticks and label, and the legend of its series.
 */
final class ChartFrame {
  static final int WIDTH = 820;
  static final int LEFT = 64;
  static final int RIGHT = 20;
  static final int TOP = 28;

  private final Html svg = new Html();
  private final int height;
  private final int bottom;

  private ChartFrame(int height, int bottom) {
    this.height = height;
    this.bottom = bottom;
  }

  /** Opens a chart {@code height} high whose plot ends {@code bottom} above its lower edge. */
  static ChartFrame open(String id, String title, int height, int bottom) {
    var frame = new ChartFrame(height, bottom);
    frame.svg.open("figure", "class", "chart", "id", id).element("figcaption", title);
    frame.svg.open(
        "svg",
        "xmlns",
        "http://www.w3.org/2000/svg",
        "viewBox",
        "0 0 " + WIDTH + " " + height,
        "role",
        "img",
        "aria-label",
        title);
    return frame;
  }

  Html svg() {
    return svg;
  }

  /** Where the plot ends at the bottom: the x axis. */
  private double baseline() {
    return height - bottom;
  }

  /** The grid line and tick label of every tick of {@code y}. */
  void yGrid(Scale y) {
    for (double tick : y.ticks()) {
      double at = y.map(tick, baseline(), TOP);
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
  }

  void yLabel(String label) {
    svg.element("text", label, "class", "axis-label", "x", fmt(14), "y", fmt(TOP - 10));
  }

  /** A swatch and the name of each series, right-aligned above the plot. */
  void legend(List<String> names, int swatchHeight) {
    svg.open("g", "class", "legend");
    double at = WIDTH - RIGHT - names.stream().mapToDouble(ChartFrame::legendWidth).sum();
    for (int i = 0; i < names.size(); i++) {
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
          Integer.toString(swatchHeight));
      svg.element(
          "text",
          names.get(i),
          "class",
          "legend-label",
          "x",
          fmt(at + 16),
          "y",
          fmt(TOP - 18 + swatchHeight / 2.0));
      at += legendWidth(names.get(i));
    }
    svg.close("g");
  }

  /** Closes the SVG and the figure, and gives the markup. */
  String close() {
    svg.close("svg").close("figure");
    return svg.toString();
  }

  private static double legendWidth(String name) {
    return 28 + 7 * name.length();
  }

  static String fmt(double value) {
    return String.format(Locale.ROOT, "%.1f", value);
  }
}
