package io.cncfdemo.internal.benchmark.html;

/**
 * The one style sheet of reports and comparisons, inlined into each page: system fonts only,
 * nothing to download.
 */
final class Styles {
  static final int SERIES_COLOURS = 6;

  static final String CSS =
      """
      :root { --ink: #1d2733; --muted: #5b6773; --line: #d8dee4; --panel: #f6f8fa; --accent: #0b6bcb; --best: #e6f4ea; --best-ink: #137333; }
      * { box-sizing: border-box; }
      body { margin: 0; font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; color: var(--ink); background: #fff; }
      header { padding: 24px 40px 16px; border-bottom: 1px solid var(--line); background: var(--panel); }
      header h1 { margin: 0 0 4px; font-size: 24px; }
      header p { margin: 0; color: var(--muted); }
      main { padding: 8px 40px 40px; max-width: 1200px; }
      section { margin-top: 28px; }
      h2 { font-size: 18px; margin: 0 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
      h3 { font-size: 15px; margin: 16px 0 6px; }
      table { border-collapse: collapse; margin: 6px 0 12px; }
      th, td { padding: 5px 12px; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
      th { color: var(--muted); font-weight: 600; }
      td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.best { background: var(--best); color: var(--best-ink); font-weight: 700; }
      td.best::after { content: " ★"; }
      .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 12px 0; }
      .card { border: 1px solid var(--line); border-radius: 8px; padding: 10px 16px; min-width: 170px; background: #fff; }
      .card .label { color: var(--muted); font-size: 13px; }
      .card .value { font-size: 24px; font-weight: 700; font-variant-numeric: tabular-nums; }
      .note { color: var(--muted); font-size: 13px; }
      ul.notes li { margin: 4px 0; }
      figure.chart { margin: 8px 0 16px; }
      figure.chart figcaption { font-weight: 600; margin-bottom: 4px; }
      figure.chart svg { width: 100%; max-width: 820px; height: auto; display: block; }
      svg text { font: 11px system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; fill: var(--muted); }
      svg text.axis-label, svg text.legend-label { fill: var(--ink); font-size: 12px; }
      svg text.bar-label { fill: var(--ink); font-size: 10px; }
      svg line.grid { stroke: #eef1f4; }
      svg line.axis { stroke: #9aa5b1; }
      svg polyline.series { fill: none; stroke-width: 2; stroke-linejoin: round; }
      svg line.marker { stroke-width: 1.5; stroke-dasharray: 4 3; }
      svg line.marker.chaos { stroke: #d93025; }
      svg line.marker.recovered { stroke: #188038; }
      svg text.marker-label.chaos { fill: #d93025; }
      svg text.marker-label.recovered { fill: #188038; }
      svg line.marker.preempted { stroke: #9334e6; } svg text.marker-label.preempted { fill: #9334e6; }
      svg line.marker.scale-up, svg line.marker.scale-down { stroke: #0b6bcb; }
      svg text.marker-label.scale-up, svg text.marker-label.scale-down { fill: #0b6bcb; }
      svg line.marker.load-end { stroke: #5f6368; } svg text.marker-label.load-end { fill: #5f6368; }
      svg polyline[data-series="cpuTargetPercent"] { stroke-dasharray: 6 4; }
      p.load-label.simulated { display: inline-block; padding: 2px 8px; border-radius: 4px; background: #fef7e0; color: #8a5a00; }
      .s0 { stroke: #0b6bcb; fill: #0b6bcb; } .s1 { stroke: #e8710a; fill: #e8710a; } .s2 { stroke: #188038; fill: #188038; }
      .s3 { stroke: #9334e6; fill: #9334e6; } .s4 { stroke: #d01884; fill: #d01884; } .s5 { stroke: #5f6368; fill: #5f6368; }
      polyline.s0, polyline.s1, polyline.s2, polyline.s3, polyline.s4, polyline.s5 { fill: none; }
      footer { padding: 16px 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); }
      @media print { header { background: none; } }
      """;

  private Styles() {}
}
