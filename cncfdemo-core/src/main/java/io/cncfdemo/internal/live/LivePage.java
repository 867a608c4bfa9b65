package io.cncfdemo.internal.live;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The live page: one self-contained HTML file (styles and scripts inline, nothing fetched but its
 * own events), with the chart module {@code chart.js} put in its place.
 */
public final class LivePage {
  private static final String PAGE = load("live.html").replace("/*chart.js*/", chartScript());

  private LivePage() {}

  /** The page. */
  public static String html() {
    return PAGE;
  }

  /**
   * The chart module alone: {@code CncfCharts.line(model)} returns an SVG line chart of {@code
   * {title, unit, series: [{name, points: [[x, y], ...]}], markers: [{x, label}]}}.
   */
  public static String chartScript() {
    return load("chart.js");
  }

  private static String load(String name) {
    try (InputStream in = LivePage.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the live page's " + name + " is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
